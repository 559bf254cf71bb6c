package com.northbridge.assistant.knowledge;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A retrieved passage with what a citation needs: a stable citation id, the document, the section or
 * article, a snippet, and the scores that ranked it ({@code similarity} is null when only keywords found it).
 */
public record SearchHit(String citationId, UUID documentId, String documentTitle, String sourcePath, String kind,
                        String language, List<String> headingPath, String section, String article, String citation,
                        String snippet, String text, double score, Double similarity,
                        @JsonIgnore String suspicious) {

    private static final int SNIPPET_LENGTH = 240;

    static SearchHit of(ChunkStore.Passage p, double score, Double similarity) {
        String section = p.headingPath().isEmpty() ? null : p.headingPath().get(p.headingPath().size() - 1);
        Chunk asChunk = new Chunk(0, p.headingPath(), p.article(), 0, p.content());
        String snippet = p.content().length() <= SNIPPET_LENGTH ? p.content()
                : p.content().substring(0, SNIPPET_LENGTH).strip() + "…";
        return new SearchHit(p.citationId(), p.documentId(), p.documentTitle(), p.sourcePath(), p.kind().code(),
                p.language(), p.headingPath(), section, p.article(), asChunk.citationLabel(p.documentTitle()),
                snippet, p.content(), score, similarity, p.suspicious());
    }
}

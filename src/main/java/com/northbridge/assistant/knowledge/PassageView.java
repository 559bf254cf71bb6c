package com.northbridge.assistant.knowledge;

import java.util.List;

/** A cited passage in full, as a reader opens it from a citation: where it stands and its whole text. */
public record PassageView(String citationId, String documentTitle, String sourcePath, String kind, String language,
                          List<String> headingPath, String section, String article, String citation, String text) {

    static PassageView of(ChunkStore.Passage p) {
        Chunk asChunk = new Chunk(0, p.headingPath(), p.article(), 0, p.content());
        return new PassageView(p.citationId(), p.documentTitle(), p.sourcePath(), p.kind().code(), p.language(), p.headingPath(),
                asChunk.section(), p.article(), asChunk.citationLabel(p.documentTitle()), p.content());
    }
}

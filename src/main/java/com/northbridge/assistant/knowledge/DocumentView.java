package com.northbridge.assistant.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A knowledge document as the API shows it. */
public record DocumentView(UUID id, String title, String kind, String language, String sourcePath, String mediaType,
                           LocalDate effectiveDate, String version, String sha256, long sizeBytes, Instant ingestedAt,
                           long chunkCount) {

    static DocumentView of(KnowledgeDocument d, long chunkCount) {
        return new DocumentView(d.id, d.title, d.kind, d.language, d.sourcePath, d.mediaType, d.effectiveDate, d.version,
                d.contentSha256, d.sizeBytes, d.ingestedAt, chunkCount);
    }
}

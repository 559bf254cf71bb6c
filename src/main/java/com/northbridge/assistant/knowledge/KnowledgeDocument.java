package com.northbridge.assistant.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A source file in the knowledge base; its passages live in knowledge_chunk. */
@Entity
@Table(name = "knowledge_document")
public class KnowledgeDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "source_path", nullable = false, unique = true)
    public String sourcePath;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String language;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(name = "effective_date")
    public LocalDate effectiveDate;

    public String version;

    @Column(name = "content_sha256", nullable = false)
    public String contentSha256;

    @Column(nullable = false)
    public String pipeline;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Column(name = "ingested_at", nullable = false)
    public Instant ingestedAt;

    public static Optional<KnowledgeDocument> findBySourcePath(String sourcePath) {
        return find("sourcePath", sourcePath).firstResultOptional();
    }
}

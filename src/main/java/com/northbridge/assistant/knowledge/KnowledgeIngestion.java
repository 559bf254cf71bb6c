package com.northbridge.assistant.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.northbridge.assistant.knowledge.DocumentRejected.Reason;
import com.northbridge.assistant.knowledge.IngestionOutcome.Ingested;
import com.northbridge.assistant.knowledge.IngestionOutcome.Rejected;
import com.northbridge.assistant.knowledge.IngestionOutcome.Unchanged;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Brings files into the knowledge base. Unchanged content (same SHA-256) is skipped before any parsing or
 * embedding; a changed file is parsed and embedded outside the database transaction, then its document
 * row and all its passages are replaced in one transaction, so readers see the old or the new version,
 * never a mix, and a rejected file leaves the old version in place.
 */
@ApplicationScoped
public class KnowledgeIngestion {

    private static final Logger LOG = Logger.getLogger(KnowledgeIngestion.class);

    /**
     * Version of how passages are made (parsing, chunking, keyword terms). Raise it whenever one of them
     * changes: every document is then re-ingested once, although its file is unchanged.
     */
    static final String PIPELINE_VERSION = "5";

    /** Uploaded documents live under this prefix; a folder scan never removes them. */
    public static final String UPLOAD_PREFIX = "uploads/";

    private final DocumentParser parser;
    private final StructuredChunker chunker;
    private final LanguageEmbeddings embeddings;
    private final ChunkStore chunks;
    private final KeywordStatistics statistics;

    public KnowledgeIngestion(DocumentParser parser, StructuredChunker chunker, LanguageEmbeddings embeddings, ChunkStore chunks,
                              KeywordStatistics statistics) {
        this.parser = parser;
        this.chunker = chunker;
        this.embeddings = embeddings;
        this.chunks = chunks;
        this.statistics = statistics;
    }

    /** Time spent per stage, added up over the files of one call. */
    public static final class Timings {
        long parse;
        long embed;
        long write;
        int embedded;
    }

    public IngestionOutcome ingest(String sourcePath, DocumentKind kind, byte[] content) {
        return ingest(sourcePath, kind, content, new Timings());
    }

    IngestionOutcome ingest(String sourcePath, DocumentKind kind, byte[] content, Timings timings) {
        String sha = sha256(content);
        Optional<KnowledgeDocument> existing = QuarkusTransaction.requiringNew()
                .call(() -> KnowledgeDocument.findBySourcePath(sourcePath));
        if (existing.isPresent() && existing.get().contentSha256.equals(sha) && existing.get().kind.equals(kind.code())
                && existing.get().pipeline.equals(pipeline())) {
            return new Unchanged(sourcePath, DocumentView.of(existing.get(), -1));
        }
        try {
            long start = System.nanoTime();
            ParsedDocument parsed = parser.parse(content, fileTitle(sourcePath));
            List<Chunk> pieces = chunker.chunk(parsed);
            if (pieces.isEmpty()) {
                throw new DocumentRejected(Reason.EMPTY, "The file has no text that could be cut into passages.");
            }
            long parsedAt = System.nanoTime();
            List<float[]> vectors = embed(parsed, pieces);
            long embeddedAt = System.nanoTime();
            List<ChunkStore.StoredChunk> stored = new ArrayList<>();
            Set<String> citationIds = new HashSet<>();
            for (int i = 0; i < pieces.size(); i++) {
                Chunk chunk = pieces.get(i);
                String citationId = citationId(sourcePath, chunk, citationIds);
                stored.add(new ChunkStore.StoredChunk(chunk, citationId, vectors.get(i),
                        KeywordQuery.tsvector(parsed.title(), chunk.headingPath(), chunk.text())));
            }
            KnowledgeDocument document = QuarkusTransaction.requiringNew().call(() -> write(sourcePath, kind, content, sha, parsed, stored));
            statistics.invalidate();
            long writtenAt = System.nanoTime();
            timings.parse += (parsedAt - start) / 1_000_000;
            timings.embed += (embeddedAt - parsedAt) / 1_000_000;
            timings.write += (writtenAt - embeddedAt) / 1_000_000;
            timings.embedded += pieces.size();
            return new Ingested(sourcePath, DocumentView.of(document, pieces.size()), pieces.size(), existing.isPresent());
        } catch (DocumentRejected e) {
            LOG.warnf("Rejected %s: %s", sourcePath, e.getMessage());
            return new Rejected(sourcePath, e.reason(), e.getMessage());
        }
    }

    private List<float[]> embed(ParsedDocument parsed, List<Chunk> pieces) throws DocumentRejected {
        try {
            return embeddings.passages(parsed.language(), pieces.stream().map(c -> c.embeddingText(parsed.title())).toList());
        } catch (RuntimeException e) {
            throw new DocumentRejected(Reason.UNAVAILABLE, "The embedding model failed (" + e.getMessage()
                    + "); the file was not stored, try again later.", e);
        }
    }

    KnowledgeDocument write(String sourcePath, DocumentKind kind, byte[] content, String sha, ParsedDocument parsed,
                                    List<ChunkStore.StoredChunk> stored) {
        KnowledgeDocument document = KnowledgeDocument.findBySourcePath(sourcePath).orElse(null);
        if (document == null) {
            document = new KnowledgeDocument();
            document.id = UUID.randomUUID();
            document.sourcePath = sourcePath;
        } else {
            chunks.deleteByDocument(document.id);
        }
        document.title = parsed.title();
        document.kind = kind.code();
        document.language = parsed.language().code();
        document.mediaType = parsed.mediaType();
        document.effectiveDate = parsed.effectiveDate().orElse(null);
        document.version = parsed.version().orElse(null);
        document.contentSha256 = sha;
        document.pipeline = pipeline();
        document.sizeBytes = content.length;
        document.ingestedAt = Instant.now();
        document.persistAndFlush();
        chunks.insert(document.id, kind, document.language, stored);
        return document;
    }

    /**
     * Ingests every file below the folder (its first-level folders name the kind: products, regulations,
     * faq) and removes documents whose files are gone. One bad file never stops the others.
     */
    public ScanSummary scan(Path folder) {
        return scan(folder, "", true);
    }

    /** A batch load of another folder: like a scan, but it removes nothing that is not in the folder. */
    public ScanSummary load(Path folder) {
        return scan(folder, "", false);
    }

    /**
     * As {@link #scan(Path)}, with every source path under {@code prefix}; removal then only touches documents
     * under that prefix (tests and batch loads of other collections keep to their own namespace).
     */
    public ScanSummary scan(Path folder, String prefix) {
        return scan(folder, prefix, true);
    }

    private ScanSummary scan(Path folder, String prefix, boolean removeMissing) {
        long start = System.nanoTime();
        Timings timings = new Timings();
        List<String> ingested = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unchanged = 0;
        for (Path file : files(folder)) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            String sourcePath = prefix + relative;
            seen.add(sourcePath);
            Optional<DocumentKind> kind = DocumentKind.fromCode(relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "");
            if (kind.isEmpty()) {
                rejected.add(new Rejected(sourcePath, Reason.UNKNOWN_KIND,
                        "Put the file in a folder named products, regulations or faq so its kind is known."));
                continue;
            }
            IngestionOutcome outcome;
            try {
                outcome = ingest(sourcePath, kind.get(), Files.readAllBytes(file), timings);
            } catch (IOException e) {
                outcome = new Rejected(sourcePath, Reason.CORRUPT, "The file could not be read: " + e.getMessage());
            }
            // Java 17 has no pattern switch; the three outcomes are all handled here.
            if (outcome instanceof Ingested i) {
                ingested.add(i.sourcePath());
            } else if (outcome instanceof Rejected r) {
                rejected.add(r);
            } else if (outcome instanceof Unchanged) {
                unchanged++;
            }
        }
        List<String> removed = removeMissing ? removeMissing(prefix, seen) : List.of();
        ScanSummary summary = new ScanSummary(ingested, unchanged, removed, rejected, timings.embedded,
                timings.parse, timings.embed, timings.write, (System.nanoTime() - start) / 1_000_000);
        LOG.info(summary.describe());
        return summary;
    }

    private List<String> removeMissing(String prefix, Set<String> seen) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> removed = new ArrayList<>();
            for (KnowledgeDocument document : KnowledgeDocument.<KnowledgeDocument>listAll()) {
                if (document.sourcePath.startsWith(prefix) && !document.sourcePath.startsWith(UPLOAD_PREFIX)
                        && !seen.contains(document.sourcePath)) {
                    document.delete(); // passages go with it (ON DELETE CASCADE)
                    removed.add(document.sourcePath);
                }
            }
            statistics.invalidate();
            return removed;
        });
    }

    /** Removes a document and its passages; false when there was none. */
    public boolean delete(UUID id) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> KnowledgeDocument.deleteById(id));
        statistics.invalidate();
        return deleted;
    }

    /** Removes every document whose source path starts with the prefix (tests clean up their fixtures). */
    public long deleteUnder(String prefix) {
        long deleted = QuarkusTransaction.requiringNew().call(() -> KnowledgeDocument.delete("sourcePath like ?1", prefix + "%"));
        statistics.invalidate();
        return deleted;
    }

    public List<DocumentView> documents() {
        Map<UUID, Long> counts = chunks.countsByDocument();
        return QuarkusTransaction.requiringNew().call(() -> KnowledgeDocument.<KnowledgeDocument>listAll().stream()
                .map(d -> DocumentView.of(d, counts.getOrDefault(d.id, 0L)))
                .sorted(java.util.Comparator.comparing(DocumentView::sourcePath))
                .toList());
    }

    private static List<Path> files(Path folder) {
        if (!Files.isDirectory(folder)) {
            LOG.warnf("Knowledge folder %s does not exist; nothing to scan", folder.toAbsolutePath());
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> folder.relativize(p).toString().chars().noneMatch(ch -> ch == '~')
                            && Stream.of(folder.relativize(p).toString().split("[/\\\\]")).noneMatch(s -> s.startsWith(".")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + folder, e);
        }
    }

    /** Stable while the passage's place in the document is unchanged; unique within the document. */
    static String citationId(String sourcePath, Chunk chunk, Set<String> taken) {
        String key = sourcePath + '\u0000' + String.join("\u0001", chunk.headingPath()) + '\u0000' + chunk.article() + '\u0000' + chunk.part();
        String id = "K" + sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        if (!taken.add(id)) {
            id = "K" + sha256((key + '\u0000' + chunk.ordinal()).getBytes(StandardCharsets.UTF_8)).substring(0, 12);
            taken.add(id);
        }
        return id;
    }

    private String pipeline() {
        return PIPELINE_VERSION + "|" + embeddings.description();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String fileTitle(String sourcePath) {
        String name = sourcePath.substring(sourcePath.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replace('-', ' ').replace('_', ' ');
    }
}

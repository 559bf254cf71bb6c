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
    /** Files whose passages are embedded at the same time (see scan). */
    private static final int FILES_EMBEDDED_AT_ONCE = 2;

    /**
     * Version of how passages are made (parsing, chunking, keyword terms). Raise it whenever one of them
     * changes: every document is then re-ingested once, although its file is unchanged. The injection
     * detector's rules, which flag passages as they are stored, are in the signature on their own.
     */
    static final String PIPELINE_VERSION = "9"; // 9: passages addressed to an AI are flagged

    /** Uploaded documents live under this prefix; a folder scan never removes them. */
    public static final String UPLOAD_PREFIX = "uploads/";

    private final DocumentParser parser;
    private final StructuredChunker chunker;
    private final LanguageEmbeddings embeddings;
    private final ChunkStore chunks;
    private final KeywordStatistics statistics;
    private final VectorIndexes vectorIndexes;
    private final int bulkLoadFrom;

    public KnowledgeIngestion(DocumentParser parser, StructuredChunker chunker, LanguageEmbeddings embeddings, ChunkStore chunks,
                              KeywordStatistics statistics, VectorIndexes vectorIndexes, KnowledgeConfig config) {
        this.parser = parser;
        this.chunker = chunker;
        this.embeddings = embeddings;
        this.chunks = chunks;
        this.statistics = statistics;
        this.vectorIndexes = vectorIndexes;
        this.bulkLoadFrom = config.ingestion().bulkLoadFrom();
    }

    private enum Step { PARSE, EMBED, WRITE }

    /** Time spent per step, added up over the files of one call (steps of a scan overlap in time). */
    static final class Timings {
        private final java.util.concurrent.atomic.AtomicLongArray nanos = new java.util.concurrent.atomic.AtomicLongArray(3);
        final java.util.concurrent.atomic.AtomicInteger embedded = new java.util.concurrent.atomic.AtomicInteger();

        void add(Step step, long elapsed) {
            nanos.addAndGet(step.ordinal(), elapsed);
        }

        long millis(Step step) {
            return nanos.get(step.ordinal()) / 1_000_000;
        }
    }

    public IngestionOutcome ingest(String sourcePath, DocumentKind kind, byte[] content) {
        return ingest(sourcePath, kind, content, new Timings());
    }

    IngestionOutcome ingest(String sourcePath, DocumentKind kind, byte[] content, Timings timings) {
        Optional<KnowledgeDocument> existing = QuarkusTransaction.requiringNew().call(() -> KnowledgeDocument.findBySourcePath(sourcePath));
        Stage prepared = prepare(sourcePath, kind, content, existing, timings);
        if (prepared.outcome() != null) {
            return prepared.outcome();
        }
        try {
            return store(prepared, embed(prepared, timings), timings);
        } catch (DocumentRejected e) {
            return rejected(sourcePath, e);
        }
    }

    /** A file on its way in: either already decided (unchanged, rejected) or parsed and cut, ready to embed. */
    private record Stage(String sourcePath, DocumentKind kind, byte[] content, String sha, boolean replacing,
                         ParsedDocument parsed, List<Chunk> pieces, IngestionOutcome outcome) {
    }

    /** {@code existing}: the stored document of that path, as read before (detached; only compared). */
    private Stage prepare(String sourcePath, DocumentKind kind, byte[] content, Optional<KnowledgeDocument> existing, Timings timings) {
        String sha = sha256(content);
        if (existing.isPresent() && unchanged(existing.get(), kind, sha)) {
            return decided(new Unchanged(sourcePath, DocumentView.of(existing.get(), -1)));
        }
        long start = System.nanoTime();
        try {
            ParsedDocument parsed = parser.parse(content, fileTitle(sourcePath));
            List<Chunk> pieces = chunker.chunk(parsed);
            if (pieces.isEmpty()) {
                throw new DocumentRejected(Reason.EMPTY, "The file has no text that could be cut into passages.");
            }
            return new Stage(sourcePath, kind, content, sha, existing.isPresent(), parsed, pieces, null);
        } catch (DocumentRejected e) {
            return decided(rejected(sourcePath, e));
        } finally {
            timings.add(Step.PARSE, System.nanoTime() - start);
        }
    }

    private boolean unchanged(KnowledgeDocument stored, DocumentKind kind, String sha) {
        return stored.contentSha256.equals(sha) && stored.kind.equals(kind.code()) && stored.pipeline.equals(pipeline());
    }

    private static Stage decided(IngestionOutcome outcome) {
        return new Stage(outcome.sourcePath(), null, null, null, false, null, null, outcome);
    }

    private static Rejected rejected(String sourcePath, DocumentRejected e) {
        LOG.warnf("Rejected %s: %s", sourcePath, e.getMessage());
        return new Rejected(sourcePath, e.reason(), e.getMessage());
    }

    private IngestionOutcome store(Stage stage, List<float[]> vectors, Timings timings) {
        long start = System.nanoTime();
        List<ChunkStore.StoredChunk> stored = new ArrayList<>();
        Set<String> citationIds = new HashSet<>();
        for (int i = 0; i < stage.pieces().size(); i++) {
            Chunk chunk = stage.pieces().get(i);
            stored.add(new ChunkStore.StoredChunk(chunk, citationId(stage.sourcePath(), chunk, citationIds), vectors.get(i),
                    KeywordIndex.tsvector(stage.parsed().title(), chunk.headingPath(), chunk.text())));
        }
        KnowledgeDocument document = QuarkusTransaction.requiringNew().call(() ->
                write(stage.sourcePath(), stage.kind(), stage.content(), stage.sha(), stage.parsed(), stored));
        statistics.invalidate();
        timings.add(Step.WRITE, System.nanoTime() - start);
        return new Ingested(stage.sourcePath(), DocumentView.of(document, stored.size()), stored.size(), stage.replacing());
    }

    /** A file's vectors, or why it was rejected. */
    private record Embedded(List<float[]> vectors, Rejected rejected) {
    }

    private Embedded embedded(Stage stage, Timings timings) {
        try {
            return new Embedded(embed(stage, timings), null);
        } catch (DocumentRejected e) {
            return new Embedded(null, rejected(stage.sourcePath(), e));
        }
    }

    private List<float[]> embed(Stage stage, Timings timings) throws DocumentRejected {
        long start = System.nanoTime();
        try {
            List<float[]> vectors = embed(stage.parsed(), stage.pieces());
            timings.embedded.addAndGet(stage.pieces().size());
            return vectors;
        } finally {
            timings.add(Step.EMBED, System.nanoTime() - start);
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
        // Three overlapping steps: the next files are parsed and the previous ones written while the
        // current ones are embedded, so the embedding model (the slowest step) is rarely kept waiting. Two
        // files are embedded at a time: the model embeds a file's passages a core each, and with one file
        // at a time the cores took turns idling while a file's last passages were embedded.
        java.util.concurrent.ExecutorService parsing = java.util.concurrent.Executors.newSingleThreadExecutor(NamedThreads.of("knowledge-parse"));
        java.util.concurrent.ExecutorService embedding = java.util.concurrent.Executors.newFixedThreadPool(FILES_EMBEDDED_AT_ONCE, NamedThreads.of("knowledge-embed"));
        java.util.concurrent.ExecutorService writing = java.util.concurrent.Executors.newSingleThreadExecutor(NamedThreads.of("knowledge-write"));
        List<Path> files = files(folder);
        // The stored documents of the folder, read once: unchanged files then cost a hash and no query.
        Map<String, KnowledgeDocument> stored = new java.util.HashMap<>();
        long documents = QuarkusTransaction.requiringNew().call(() -> {
            KnowledgeDocument.<KnowledgeDocument>list("sourcePath like ?1", prefix + "%").forEach(d -> stored.put(d.sourcePath, d));
            return KnowledgeDocument.count();
        });
        Survey survey = survey(folder, prefix, files, stored, documents);
        boolean bulk = survey.bulkLoad() && vectorIndexes.setAside();
        try {
            List<java.util.concurrent.Future<Stage>> prepared = new ArrayList<>();
            for (Path file : files) {
                String relative = folder.relativize(file).toString().replace('\\', '/');
                String sourcePath = prefix + relative;
                seen.add(sourcePath);
                Optional<DocumentKind> kind = kindOf(relative);
                if (survey.unchanged().contains(sourcePath)) { // hashed already: nothing to read again
                    prepared.add(java.util.concurrent.CompletableFuture.completedFuture(
                            decided(new Unchanged(sourcePath, DocumentView.of(stored.get(sourcePath), -1)))));
                    continue;
                }
                prepared.add(parsing.submit(() -> {
                    if (kind.isEmpty()) {
                        return decided(new Rejected(sourcePath, Reason.UNKNOWN_KIND,
                                "Put the file in a folder named products, regulations or faq so its kind is known."));
                    }
                    try {
                        return prepare(sourcePath, kind.get(), Files.readAllBytes(file), Optional.ofNullable(stored.get(sourcePath)), timings);
                    } catch (IOException e) {
                        return decided(new Rejected(sourcePath, Reason.CORRUPT, "The file could not be read: " + e.getMessage()));
                    }
                }));
            }
            List<java.util.concurrent.Future<IngestionOutcome>> outcomes = new ArrayList<>();
            for (java.util.concurrent.Future<Stage> future : prepared) {
                Stage stage = future.get();
                if (stage.outcome() != null) {
                    outcomes.add(java.util.concurrent.CompletableFuture.completedFuture(stage.outcome()));
                    continue;
                }
                outcomes.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> embedded(stage, timings), embedding)
                        .thenApplyAsync(e -> e.rejected() != null ? e.rejected() : store(stage, e.vectors(), timings), writing));
            }
            for (java.util.concurrent.Future<IngestionOutcome> future : outcomes) {
                // Java 17 has no pattern switch; the three outcomes are all handled here.
                IngestionOutcome outcome = future.get();
                if (outcome instanceof Ingested i) {
                    ingested.add(i.sourcePath());
                } else if (outcome instanceof Rejected r) {
                    rejected.add(r);
                } else if (outcome instanceof Unchanged) {
                    unchanged++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Knowledge scan interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Knowledge scan failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            parsing.shutdownNow();
            embedding.shutdownNow();
            writing.shutdownNow();
            if (bulk) {
                awaitWrites(writing);
                vectorIndexes.rebuild();
            }
        }
        List<String> removed = removeMissing ? removeMissing(prefix, seen) : List.of();
        ScanSummary summary = new ScanSummary(ingested, unchanged, removed, rejected, timings.embedded.get(), bulk,
                timings.millis(Step.PARSE), timings.millis(Step.EMBED), timings.millis(Step.WRITE), (System.nanoTime() - start) / 1_000_000);
        LOG.info(summary.describe());
        return summary;
    }

    /** What the files' hashes say before any parsing: which files are unchanged, and whether the rest is a bulk load. */
    private record Survey(Set<String> unchanged, boolean bulkLoad) {
    }

    /**
     * A scan of at least {@code bulk-load-from} files hashes them all first. It is a bulk load when it writes
     * at least that many files, and at least as many as stay as they are (a first ingestion, a new pipeline
     * version, a large batch): building the HNSW graphs afresh afterwards then costs less than writing into
     * them. The unchanged files are done with there; a smaller scan leaves every file to {@code prepare}.
     */
    private Survey survey(Path folder, String prefix, List<Path> files, Map<String, KnowledgeDocument> stored, long documents) {
        if (files.size() < bulkLoadFrom) {
            return new Survey(Set.of(), false);
        }
        Set<String> unchanged = new HashSet<>();
        int toWrite = 0;
        int replacing = 0;
        for (Path file : files) {
            String relative = folder.relativize(file).toString().replace('\\', '/');
            Optional<DocumentKind> kind = kindOf(relative);
            KnowledgeDocument document = stored.get(prefix + relative);
            if (kind.isEmpty()) {
                continue; // rejected, with the reason, by the scan itself
            }
            try {
                if (document != null && unchanged(document, kind.get(), sha256(Files.readAllBytes(file)))) {
                    unchanged.add(prefix + relative);
                } else {
                    toWrite++;
                    replacing += document == null ? 0 : 1;
                }
            } catch (IOException e) {
                // Rejected later, with the reason, by the scan itself.
            }
        }
        long staying = documents - replacing;
        return new Survey(unchanged, toWrite >= bulkLoadFrom && toWrite >= staying);
    }

    /** A file's kind is named by its first-level folder (products, regulations, faq). */
    private static Optional<DocumentKind> kindOf(String relative) {
        return DocumentKind.fromCode(relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "");
    }

    private static void awaitWrites(java.util.concurrent.ExecutorService writing) {
        try {
            writing.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        return PIPELINE_VERSION + "|" + com.northbridge.assistant.risk.InjectionDetector.rulesVersion() + "|" + embeddings.description();
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

package com.northbridge.assistant.knowledge;

import static com.northbridge.assistant.knowledge.DocumentFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.northbridge.assistant.knowledge.DocumentRejected.Reason;
import com.northbridge.assistant.text.Language;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class KnowledgeIngestionTests {

    private static final String PREFIX = "test-ingestion/";

    static final String LIMITS_MD = """
            # Harbour Card Limits
            Version: 1.2
            Effective date: 2026-03-01

            ## 1. Daily withdrawal
            The Harbour card lets you withdraw up to 7,300 yuan a day at our machines.

            ## 2. Overseas use
            Abroad the Harbour card works at any machine showing the globe sign.
            """;

    static final String RULES_MD = """
            # Lantern Rules
            ## Chapter 1 Scope
            Article 1 These lantern rules apply to every branch.
            Article 2 Lantern inspections happen every quarter.
            """;

    @Inject
    KnowledgeIngestion ingestion;

    @Inject
    HybridRetriever retriever;

    @Inject
    VectorIndexes vectorIndexes;

    @Inject
    javax.sql.DataSource dataSource;

    // JUnit's @TempDir does not reach Quarkus test instances, so the folder is made by hand.
    Path dir;

    @BeforeEach
    void newFolder() throws IOException {
        dir = Files.createTempDirectory("knowledge-scan");
    }

    @AfterEach
    void removeFixtures() throws IOException {
        ingestion.deleteUnder(PREFIX);
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void unchanged_files_are_skipped_without_any_embedding_work() throws IOException {
        write("products/harbour-card.md", LIMITS_MD);
        write("regulations/lantern.md", RULES_MD);

        ScanSummary first = ingestion.scan(dir, PREFIX);
        ScanSummary second = ingestion.scan(dir, PREFIX);

        assertThat(first.ingested()).containsExactlyInAnyOrder(PREFIX + "products/harbour-card.md", PREFIX + "regulations/lantern.md");
        assertThat(first.chunksEmbedded()).isEqualTo(4);
        assertThat(second.ingested()).isEmpty();
        assertThat(second.unchanged()).isEqualTo(2);
        assertThat(second.chunksEmbedded()).isZero();
    }

    @Test
    void documents_keep_their_metadata_and_articles_are_citable() throws IOException {
        write("products/harbour-card.md", LIMITS_MD);
        write("regulations/lantern.md", RULES_MD);
        ingestion.scan(dir, PREFIX);

        DocumentView card = document("products/harbour-card.md");
        assertThat(card.title()).isEqualTo("Harbour Card Limits");
        assertThat(card.kind()).isEqualTo("product");
        assertThat(card.language()).isEqualTo("en");
        assertThat(card.version()).isEqualTo("1.2");
        assertThat(card.effectiveDate()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(card.sha256()).hasSize(64);
        assertThat(card.chunkCount()).isEqualTo(2);

        SearchHit hit = retriever.search("lantern inspection quarter", 1, SearchFilter.NONE).hits().get(0);
        assertThat(hit.citation()).isEqualTo("Lantern Rules Article 2");
        assertThat(hit.kind()).isEqualTo("regulation");
    }

    @Test
    void a_changed_file_replaces_all_its_old_passages() throws IOException {
        write("products/harbour-card.md", LIMITS_MD);
        ingestion.scan(dir, PREFIX);
        write("products/harbour-card.md", LIMITS_MD.replace("7,300 yuan", "9,100 yuan"));

        ScanSummary summary = ingestion.scan(dir, PREFIX);

        assertThat(summary.ingested()).containsExactly(PREFIX + "products/harbour-card.md");
        assertThat(summary.chunksEmbedded()).isEqualTo(2);
        assertThat(document("products/harbour-card.md").chunkCount()).isEqualTo(2);
        List<String> texts = retriever.search("Harbour card daily withdrawal", 5, SearchFilter.NONE).hits().stream()
                .filter(h -> h.sourcePath().startsWith(PREFIX)).map(SearchHit::text).toList();
        assertThat(texts).anyMatch(t -> t.contains("9,100")).noneMatch(t -> t.contains("7,300"));
    }

    @Test
    void a_deleted_file_takes_its_passages_with_it() throws IOException {
        write("products/harbour-card.md", LIMITS_MD);
        write("regulations/lantern.md", RULES_MD);
        ingestion.scan(dir, PREFIX);
        Files.delete(dir.resolve("regulations/lantern.md"));

        ScanSummary summary = ingestion.scan(dir, PREFIX);

        assertThat(summary.removed()).containsExactly(PREFIX + "regulations/lantern.md");
        assertThat(ingestion.documents()).extracting(DocumentView::sourcePath).doesNotContain(PREFIX + "regulations/lantern.md");
        assertThat(retriever.search("lantern inspections quarter", 10, SearchFilter.NONE).hits())
                .noneMatch(h -> h.sourcePath().equals(PREFIX + "regulations/lantern.md"));
    }

    @Test
    void bad_files_are_rejected_with_reasons_and_the_others_go_on() throws IOException {
        write("products/harbour-card.md", LIMITS_MD);
        write("products/empty.md", "");
        write("products/broken.pdf", java.util.Arrays.copyOf(DocumentFiles.pdf(LIMITS_MD, Optional.empty()), 300));
        write("products/photo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R'});
        write("misc/notes.md", RULES_MD);

        ScanSummary summary = ingestion.scan(dir, PREFIX);

        assertThat(summary.ingested()).containsExactly(PREFIX + "products/harbour-card.md");
        assertThat(summary.rejected()).extracting(IngestionOutcome.Rejected::sourcePath, IngestionOutcome.Rejected::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(PREFIX + "products/empty.md", Reason.EMPTY),
                        org.assertj.core.groups.Tuple.tuple(PREFIX + "products/broken.pdf", Reason.CORRUPT),
                        org.assertj.core.groups.Tuple.tuple(PREFIX + "products/photo.png", Reason.UNSUPPORTED_TYPE),
                        org.assertj.core.groups.Tuple.tuple(PREFIX + "misc/notes.md", Reason.UNKNOWN_KIND));
        assertThat(summary.describe()).contains("rejected " + PREFIX + "products/photo.png: Files of type image/png are not supported");
        assertThat(ingestion.documents()).extracting(DocumentView::sourcePath)
                .contains(PREFIX + "products/harbour-card.md")
                .doesNotContain(PREFIX + "products/empty.md", PREFIX + "products/broken.pdf", PREFIX + "products/photo.png");
    }

    @Test
    void a_rejected_new_version_leaves_the_old_version_in_place() throws IOException {
        write("products/harbour-card.md", LIMITS_MD);
        ingestion.scan(dir, PREFIX);
        String sha = document("products/harbour-card.md").sha256();
        write("products/harbour-card.md", new byte[0]);

        ScanSummary summary = ingestion.scan(dir, PREFIX);

        assertThat(summary.rejected()).hasSize(1);
        DocumentView kept = document("products/harbour-card.md");
        assertThat(kept.sha256()).isEqualTo(sha);
        assertThat(kept.chunkCount()).isEqualTo(2);
    }

    @Test
    void a_failure_while_writing_leaves_nothing_half_written() {
        ParsedDocument parsed = new ParsedDocument("text/plain", "Half", Language.EN, Optional.empty(), Optional.empty(), List.of());
        Chunk good = new Chunk(0, List.of("1. A"), null, 0, "first passage");
        Chunk bad = new Chunk(1, List.of("2. B"), null, 0, "second passage");
        List<ChunkStore.StoredChunk> stored = List.of(
                new ChunkStore.StoredChunk(good, "Ktest-half-1", new float[512], new KeywordIndex.Indexed("'first'", java.util.Map.of("first", 1.0), 1)),
                // A vector of the wrong dimension makes the second insert fail inside the transaction.
                new ChunkStore.StoredChunk(bad, "Ktest-half-2", new float[3], new KeywordIndex.Indexed("'second'", java.util.Map.of("second", 1.0), 1)));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().call(() ->
                ingestion.write(PREFIX + "products/half.md", DocumentKind.PRODUCT, utf8("x"), "0".repeat(64), parsed, stored)))
                .isNotNull();

        assertThat(ingestion.documents()).extracting(DocumentView::sourcePath).doesNotContain(PREFIX + "products/half.md");
    }

    @Test
    void reads_every_supported_format() throws IOException {
        write("products/card.md", LIMITS_MD);
        write("faq/card.html", """
                <!DOCTYPE html><html><head><meta charset="utf-8"><title>卡片常见问题</title></head><body>
                <h1>卡片常见问题</h1><h2>1. 卡片</h2><h3>1.1 海港卡在国外能用吗？</h3><p>海港卡在境外带有地球标志的机器上都能使用。</p>
                </body></html>""");
        write("regulations/lantern.pdf", DocumentFiles.pdf(RULES_MD, Optional.empty()));
        write("regulations/lantern.docx", DocumentFiles.docx(RULES_MD));

        ScanSummary summary = ingestion.scan(dir, PREFIX);

        assertThat(summary.rejected()).isEmpty();
        assertThat(summary.ingested()).hasSize(4);
        assertThat(document("faq/card.html")).satisfies(d -> {
            assertThat(d.language()).isEqualTo("zh");
            assertThat(d.kind()).isEqualTo("faq");
            assertThat(d.mediaType()).isEqualTo("text/html");
        });
        assertThat(document("regulations/lantern.pdf").chunkCount()).isEqualTo(2);
        assertThat(document("regulations/lantern.docx").chunkCount()).isEqualTo(2);
    }

    @Test
    void a_bulk_load_builds_the_hnsw_graphs_afresh_and_a_small_scan_writes_into_them() throws Exception {
        List<String> graphs = hnswDefinitions();
        assertThat(graphs).hasSize(2);
        // More new files than documents already stored: a bulk load.
        long stored = ingestion.documents().size();
        for (int i = 0; i <= stored + 10; i++) {
            write("faq/bulk-" + i + ".md", "# Bulk Note " + i + "\n## 1. Lanterns\nLantern number " + i + " is lit at dusk.\n");
        }

        ScanSummary bulk = ingestion.scan(dir, PREFIX);

        assertThat(bulk.bulkLoad()).isTrue();
        assertThat(bulk.describe()).contains("as a bulk load");
        assertThat(bulk.ingested()).hasSize((int) stored + 11);
        assertThat(hnswDefinitions()).isEqualTo(graphs);
        assertThat(setAside()).isZero();
        assertThat(retriever.search("when is lantern number 7 lit", 3, SearchFilter.NONE).hits())
                .anyMatch(h -> h.sourcePath().equals(PREFIX + "faq/bulk-7.md"));

        write("products/harbour-card.md", LIMITS_MD);
        ScanSummary small = ingestion.scan(dir, PREFIX);

        assertThat(small.bulkLoad()).isFalse();
        assertThat(small.ingested()).containsExactly(PREFIX + "products/harbour-card.md");
        assertThat(hnswDefinitions()).isEqualTo(graphs);
    }

    @Test
    void a_bulk_load_that_cannot_drop_the_graphs_writes_into_them() throws Exception {
        List<String> graphs = hnswDefinitions();
        long stored = ingestion.documents().size();
        for (int i = 0; i <= stored + 10; i++) {
            write("faq/bulk-" + i + ".md", "# Bulk Note " + i + "\n## 1. Lanterns\nLantern number " + i + " is lit at dusk.\n");
        }
        ScanSummary summary;
        // Another session holds the passages table (a long report, say): DROP INDEX would have to wait for it.
        try (var other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var st = other.createStatement()) {
                st.execute("LOCK TABLE knowledge_chunk IN ACCESS SHARE MODE");
            }
            summary = ingestion.scan(dir, PREFIX);
            other.rollback();
        }

        assertThat(summary.bulkLoad()).isFalse();
        assertThat(summary.ingested()).hasSize((int) stored + 11);
        assertThat(summary.rejected()).isEmpty();
        assertThat(hnswDefinitions()).isEqualTo(graphs);
        assertThat(setAside()).isZero();
    }

    @Test
    void graphs_set_aside_by_a_load_that_was_cut_short_are_built_at_the_next_start() throws Exception {
        List<String> graphs = hnswDefinitions();
        try {
            vectorIndexes.setAside(); // a load that then crashed before it could build them again

            assertThat(hnswDefinitions()).isEmpty();
            assertThat(setAside()).isEqualTo(2);
            write("products/harbour-card.md", LIMITS_MD);
            ingestion.scan(dir, PREFIX); // searches and writes go on without the graphs, exactly
            assertThat(retriever.search("Harbour card daily withdrawal", 1, SearchFilter.NONE).hits().get(0).text()).contains("7,300");
        } finally {
            vectorIndexes.rebuild(); // what start-up does
        }

        assertThat(hnswDefinitions()).isEqualTo(graphs);
        assertThat(setAside()).isZero();
    }

    @Test
    void removed_passages_take_their_keyword_postings_with_them() throws Exception {
        write("products/harbour-card.md", LIMITS_MD);
        write("regulations/lantern.md", RULES_MD);
        ingestion.scan(dir, PREFIX);
        assertThat(postingsOf(PREFIX)).isPositive();
        write("products/harbour-card.md", LIMITS_MD.replace("7,300 yuan", "9,100 yuan"));
        ingestion.scan(dir, PREFIX); // the changed file's old passages are deleted

        ingestion.deleteUnder(PREFIX);

        assertThat(postingsOf(PREFIX)).isZero();
        assertThat(orphanPostings()).isZero();
    }

    private List<String> hnswDefinitions() throws java.sql.SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (var c = dataSource.getConnection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT indexdef FROM pg_indexes WHERE tablename = 'knowledge_chunk' AND indexdef LIKE '% USING hnsw %' ORDER BY indexname")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private long setAside() throws java.sql.SQLException {
        return count("SELECT count(*) FROM knowledge_index_set_aside");
    }

    /** Postings of the passages of documents under the prefix. */
    private long postingsOf(String prefix) throws java.sql.SQLException {
        return count("SELECT count(*) FROM knowledge_term t JOIN knowledge_chunk c ON c.id = t.chunk_id "
                + "JOIN knowledge_document d ON d.id = c.document_id WHERE d.source_path LIKE '" + prefix + "%'");
    }

    private long orphanPostings() throws java.sql.SQLException {
        return count("SELECT count(*) FROM knowledge_term t WHERE NOT EXISTS (SELECT 1 FROM knowledge_chunk c WHERE c.id = t.chunk_id)");
    }

    private long count(String sql) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private DocumentView document(String relative) {
        return ingestion.documents().stream().filter(d -> d.sourcePath().equals(PREFIX + relative)).findFirst().orElseThrow();
    }

    private void write(String relative, String content) throws IOException {
        write(relative, utf8(content));
    }

    private void write(String relative, byte[] content) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }
}

package com.northbridge.assistant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.eval.RankingMetrics;
import com.northbridge.assistant.knowledge.DocumentKind;
import com.northbridge.assistant.knowledge.HybridRetriever;
import com.northbridge.assistant.knowledge.IngestionOutcome;
import com.northbridge.assistant.knowledge.KnowledgeIngestion;
import com.northbridge.assistant.knowledge.LanguageEmbeddings;
import com.northbridge.assistant.text.Language;
import com.northbridge.assistant.knowledge.SearchFilter;
import com.northbridge.assistant.knowledge.SearchHit;
import com.northbridge.assistant.knowledge.SearchMode;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.pgvector.PgVectorEmbeddingStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Real layperson questions (STARD, finance subset) against real PRC law texts (cn-finance-regulations), both
 * from ../shared/datasets and never copied into the repo. The laws go through our normal ingestion path;
 * the baseline is built the way langchain4j's RAG tutorial builds one (its recursive splitter of 300 tokens
 * with 30 overlap, vector-only search in langchain4j's PgVectorEmbeddingStore, the same embedding model),
 * measured in the same run. Nothing is tuned on dev or test. Writes bench/results/stard-retrieval.json.
 */
@QuarkusTest
@TestProfile(BenchProfile.class)
class StardRetrievalBenchmark {

    private static final Path DATASETS = Path.of(System.getProperty("datasets.dir", "../shared/datasets"));
    private static final Path LAWS = DATASETS.resolve("cn-finance-regulations");
    private static final Path STARD = DATASETS.resolve("stard-statute-retrieval");
    private static final String PREFIX = "stard/";
    private static final Pattern ARTICLE_LINE = Pattern.compile("(?m)^(第[零〇一二三四五六七八九十百千两\\d]+条(?:之[一二三四五六七八九十]+)?)[\\s　]");
    // The dataset was written by pandas, which writes NaN for missing numbers.
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.core.json.JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS.mappedFeature());

    @Inject
    KnowledgeIngestion ingestion;

    @Inject
    HybridRetriever retriever;

    @Inject
    LanguageEmbeddings embeddings;

    /** The laws are Chinese: the baseline uses the same model our pipeline embeds them with. */
    private EmbeddingModel embeddingModel;

    @Inject
    javax.sql.DataSource dataSource;

    record Query(int id, String question, String split, String lecoSplit, Set<String> relevant) {
    }

    record Scores(double recallAt5, double mrrAt10, double ndcgAt10, int questions) {
    }

    @Test
    void hybrid_retrieval_on_real_questions_against_the_tutorial_baseline() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(LAWS) && Files.isDirectory(STARD), "shared datasets are absent");
        embeddingModel = embeddings.model(Language.ZH);

        Map<String, String> articleIds = new HashMap<>(); // "<markdown file>\u0000<label>" -> article id
        for (String line : Files.readAllLines(LAWS.resolve("articles.jsonl"))) {
            JsonNode a = JSON.readTree(line);
            articleIds.put(a.get("doc_id").asText() + '\u0000' + a.get("article_label").asText(), a.get("id").asText());
        }
        Map<String, String> docIdByFile = new LinkedHashMap<>();
        for (String line : Files.readAllLines(LAWS.resolve("documents.jsonl"))) {
            JsonNode d = JSON.readTree(line);
            docIdByFile.put(d.get("markdown_file").asText(), d.get("doc_id").asText());
        }

        long ingestStart = System.nanoTime();
        for (String file : docIdByFile.keySet()) {
            IngestionOutcome outcome = ingestion.ingest(PREFIX + file, DocumentKind.REGULATION, Files.readAllBytes(LAWS.resolve(file)));
            assertThat(outcome).as(file).isNotInstanceOf(IngestionOutcome.Rejected.class);
        }
        long oursMillis = (System.nanoTime() - ingestStart) / 1_000_000;

        PgVectorEmbeddingStore baseline = PgVectorEmbeddingStore.datasourceBuilder().datasource(dataSource)
                .table("stard_baseline").dimension(embeddingModel.dimension()).createTable(true).build();
        long baselineStart = System.nanoTime();
        buildBaselineOnce(baseline, docIdByFile);
        long baselineMillis = (System.nanoTime() - baselineStart) / 1_000_000;

        List<Query> queries = queries();
        Map<String, Map<String, List<Double>>> perSplit = new LinkedHashMap<>(); // split -> method -> [r5, mrr, ndcg] sums
        for (Query q : queries) {
            Map<String, List<String>> rankings = new LinkedHashMap<>();
            for (SearchMode mode : SearchMode.values()) {
                List<String> ranked = new ArrayList<>();
                for (SearchHit hit : retriever.search(q.question(), 10, SearchFilter.NONE, mode).hits()) {
                    String docId = docIdByFile.get(hit.sourcePath().substring(PREFIX.length()));
                    String id = hit.article() == null ? null : articleIds.get(docId + '\u0000' + hit.article());
                    ranked.add(id == null ? "?" + hit.citationId() : id);
                }
                rankings.put(mode.name().toLowerCase(), ranked);
            }
            List<String> base = new ArrayList<>();
            for (EmbeddingMatch<TextSegment> match : baseline.search(EmbeddingSearchRequest.builder()
                    .queryEmbedding(embeddingModel.embed(q.question()).content()).maxResults(10).build()).matches()) {
                base.addAll(List.of(match.embedded().metadata().getString("articles").split(",")));
            }
            rankings.put("baseline", base);
            for (String split : List.of("stard-train", "stard-dev", "leco-test", "all")) {
                boolean member = switch (split) {
                    case "stard-train" -> q.split().equals("train");
                    case "stard-dev" -> q.split().equals("dev");
                    case "leco-test" -> q.lecoSplit().equals("test");
                    default -> true;
                };
                if (!member) {
                    continue;
                }
                for (Map.Entry<String, List<String>> e : rankings.entrySet()) {
                    List<Integer> gains = gains(e.getValue(), q.relevant());
                    List<Double> sums = perSplit.computeIfAbsent(split, s -> new LinkedHashMap<>())
                            .computeIfAbsent(e.getKey(), m -> new ArrayList<>(List.of(0.0, 0.0, 0.0, 0.0)));
                    sums.set(0, sums.get(0) + RankingMetrics.recallAt(gains, 5, q.relevant().size()));
                    sums.set(1, sums.get(1) + RankingMetrics.reciprocalRank(gains, 10));
                    sums.set(2, sums.get(2) + RankingMetrics.ndcgAt(gains, 10, q.relevant().size()));
                    sums.set(3, sums.get(3) + 1);
                }
            }
        }

        Map<String, Map<String, Scores>> figures = new LinkedHashMap<>();
        StringBuilder table = new StringBuilder(String.format("%nSTARD finance subset (%d questions)%n%-12s %-9s %9s %7s %8s%n",
                queries.size(), "split", "method", "recall@5", "MRR@10", "nDCG@10"));
        perSplit.forEach((split, methods) -> methods.forEach((method, s) -> {
            double n = s.get(3);
            Scores scores = new Scores(s.get(0) / n, s.get(1) / n, s.get(2) / n, (int) n);
            figures.computeIfAbsent(split, x -> new LinkedHashMap<>()).put(method, scores);
            table.append(String.format("%-12s %-9s %9.3f %7.3f %8.3f%n", split, method, scores.recallAt5(), scores.mrrAt10(), scores.ndcgAt10()));
        }));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("scores", figures);
        document.put("ingestMillis", Map.of("ours", oursMillis, "baseline", baselineMillis));
        document.put("notes", "Article-level metrics against qrels_finance.tsv. A baseline segment counts for every article its span overlaps. "
                + "Splits: STARD train (tuning allowed), STARD dev and LeCoQA test (held out).");
        Path out = BenchResults.write("stard-retrieval", document);
        System.out.println(table + "written to " + out);

        for (String split : List.of("stard-dev", "leco-test")) {
            double gain = figures.get(split).get("hybrid").ndcgAt10() - figures.get(split).get("baseline").ndcgAt10();
            System.out.printf("%s: hybrid - baseline nDCG@10 = %+.3f (target +0.05)%n", split, gain);
        }
    }

    private void buildBaselineOnce(PgVectorEmbeddingStore store, Map<String, String> docIdByFile) throws Exception {
        try (var c = dataSource.getConnection(); var rs = c.createStatement().executeQuery("SELECT count(*) FROM stard_baseline")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                return; // built by an earlier run: the corpus does not change
            }
        }
        var splitter = DocumentSplitters.recursive(300, 30, new HuggingFaceTokenCountEstimator());
        for (Map.Entry<String, String> e : docIdByFile.entrySet()) {
            String text = Files.readString(LAWS.resolve(e.getKey()));
            List<int[]> spans = new ArrayList<>();
            List<String> labels = new ArrayList<>();
            Matcher m = ARTICLE_LINE.matcher(text);
            while (m.find()) {
                spans.add(new int[] {m.start(), 0});
                labels.add(m.group(1));
            }
            for (int i = 0; i < spans.size(); i++) {
                spans.get(i)[1] = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            }
            List<TextSegment> segments = splitter.split(Document.from(text, Metadata.from("doc_id", e.getValue())));
            List<TextSegment> labelled = new ArrayList<>();
            int from = 0;
            for (TextSegment segment : segments) {
                String probe = segment.text().substring(0, Math.min(30, segment.text().length()));
                int start = text.indexOf(probe, Math.max(0, from - 2000));
                if (start < 0) {
                    start = text.indexOf(probe);
                }
                int end = start + segment.text().length();
                from = Math.max(from, start);
                Set<String> covered = new LinkedHashSet<>();
                for (int i = 0; i < spans.size(); i++) {
                    if (start >= 0 && spans.get(i)[0] < end && spans.get(i)[1] > start) {
                        String id = articleIdFor(e.getValue(), labels.get(i));
                        if (id != null) {
                            covered.add(id);
                        }
                    }
                }
                Metadata metadata = segment.metadata().copy().put("articles", covered.isEmpty() ? "-" : String.join(",", covered));
                labelled.add(TextSegment.from(segment.text(), metadata));
            }
            store.addAll(embeddingModel.embedAll(labelled).content(), labelled);
        }
    }

    private final Map<String, String> articleIdCache = new HashMap<>();

    private String articleIdFor(String docId, String label) throws IOException {
        if (articleIdCache.isEmpty()) {
            for (String line : Files.readAllLines(LAWS.resolve("articles.jsonl"))) {
                JsonNode a = JSON.readTree(line);
                articleIdCache.put(a.get("doc_id").asText() + '\u0000' + a.get("article_label").asText(), a.get("id").asText());
            }
        }
        return articleIdCache.get(docId + '\u0000' + label);
    }

    private static List<Query> queries() throws IOException {
        Map<Integer, Set<String>> qrels = new HashMap<>();
        for (String line : Files.readAllLines(STARD.resolve("qrels_finance.tsv"))) {
            String[] cols = line.split("\t");
            if (cols[0].equals("query_id")) {
                continue;
            }
            qrels.computeIfAbsent(Integer.parseInt(cols[0]), k -> new HashSet<>()).add(cols[1]);
        }
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(STARD.resolve("queries_finance.jsonl"))) {
            JsonNode q = JSON.readTree(line);
            int id = q.get("query_id").asInt();
            if (qrels.containsKey(id)) {
                queries.add(new Query(id, q.get("question").asText(), q.get("split").asText(), q.get("leco_split").asText(), qrels.get(id)));
            }
        }
        return queries;
    }

    /** Binary gains over a ranked list of article ids, each relevant article credited once. */
    private static List<Integer> gains(List<String> ranked, Set<String> relevant) {
        List<Integer> gains = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : ranked) {
            if (!seen.add(id)) {
                continue; // the same article twice in a row does not push others down in this list
            }
            gains.add(relevant.contains(id) ? 1 : 0);
        }
        return gains;
    }
}

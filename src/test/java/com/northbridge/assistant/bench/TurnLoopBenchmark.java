package com.northbridge.assistant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.TestUsers;
import com.northbridge.assistant.chat.AnswerStreamer;
import com.northbridge.assistant.chat.AssistantConfig;
import com.northbridge.assistant.chat.PromptLibrary;
import com.northbridge.assistant.knowledge.ChunkStore;
import com.northbridge.assistant.knowledge.HybridRetriever;
import com.northbridge.assistant.knowledge.KeywordStatistics;
import com.northbridge.assistant.knowledge.KnowledgeConfig;
import com.northbridge.assistant.knowledge.KnowledgeIngestion;
import com.northbridge.assistant.knowledge.LanguageEmbeddings;
import com.northbridge.assistant.knowledge.SearchFilter;
import com.northbridge.assistant.knowledge.SearchResult;
import com.northbridge.assistant.security.Roles;
import com.northbridge.assistant.text.Language;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * What the service adds to a customer turn around the model, through POST /api/chat/stream as the chat page
 * uses it: signed-in demo customers hold conversations of a few turns each, with the product questions of
 * evals/retrieval, at 1, 16 and 64 conversations at once, answered by the offline engine and by a stub
 * OpenAI endpoint that answers in 0 ms and in 300 ms. Per turn the client measures the time to the first
 * token and to the final event; the model's time is the latency the service stores with the answer; the
 * query embedding and hybrid search are timed around the service's own retriever. Throughput at 300 ms is
 * given against what the model alone allows (conversations / 0.3 s), measured in the same run.
 * Writes bench/results/turn-loop.json.
 */
@QuarkusTest
@TestProfile(TurnLoopBenchProfile.class)
class TurnLoopBenchmark {

    private static final int[] CONCURRENCY = {1, 16, 64};
    private static final long[] STUB_DELAYS_MS = {0, 300};
    /** In place of a stub delay: the offline engine answers. */
    private static final long OFFLINE = -1;
    private static final int TURNS_PER_CONVERSATION = 3;
    /** A conversation channel of its own, so each run starts by removing the previous run's conversations. */
    private static final String CHANNEL = "bench";
    private static final int DEMO_CUSTOMERS = 24;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KnowledgeIngestion ingestion;

    @Inject
    LanguageEmbeddings embeddings;

    @Inject
    ChunkStore chunks;

    @Inject
    KeywordStatistics statistics;

    @Inject
    KnowledgeConfig knowledgeConfig;

    @Inject
    AssistantConfig config;

    @Inject
    PromptLibrary prompts;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/api/chat/stream")
    URI streamUri;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private double searchAloneP50;

    /** The service's retriever, timing every search (query embedding included) so a turn's own time can be split. */
    static final class TimedRetriever extends HybridRetriever {

        record Timing(String query, long start, long nanos) {
        }

        final Queue<Timing> timings = new ConcurrentLinkedQueue<>();

        TimedRetriever(LanguageEmbeddings embeddings, ChunkStore chunks, KeywordStatistics statistics, KnowledgeConfig config) {
            super(embeddings, chunks, statistics, config);
        }

        @Override
        public SearchResult search(String query, int k, SearchFilter filter) {
            long start = System.nanoTime();
            try {
                return super.search(query, k, filter);
            } finally {
                timings.add(new Timing(query, start, System.nanoTime() - start));
            }
        }
    }

    /** One turn as the client saw it; times are System.nanoTime() of this JVM. */
    private record TurnTiming(String message, long sent, long firstToken, long done, UUID conversationId, UUID messageId, String model) {
    }

    @Test
    void overhead_per_turn_around_the_model_at_growing_concurrency() throws Exception {
        removeEarlierRuns();
        ingestion.scan(Path.of("knowledge-docs")); // the real corpus, and nothing else (other benchmarks' passages go)
        List<String> questions = questions();
        TimedRetriever retriever = new TimedRetriever(embeddings, chunks, statistics, knowledgeConfig);
        QuarkusMock.installMockForType(retriever, HybridRetriever.class);

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("questions", questions.size());
        figures.put("turnsPerConversation", TURNS_PER_CONVERSATION);

        // Warm-up: ONNX sessions, connection pools and the JIT, which keeps compiling for several hundred turns
        // (after one round of warm-up, turns at one conversation still cost twice their own time in CPU).
        for (int round = 0; round < 3; round++) {
            converse(16, 3, questions);
        }
        // The same searches one at a time with nothing else running, before and after the scenarios: the
        // baseline of this run, and how much the machine itself drifted while it ran.
        Map<String, Double> before = searchAlone(questions);
        searchAloneP50 = before.get("p50");
        Map<String, Object> searchAlone = new LinkedHashMap<>();
        searchAlone.put("before", before);
        figures.put("searchAloneMs", searchAlone);
        figures.put("heapUsedAfterGcBeforeScenariosMb", heapAfterGcMb());

        Map<String, Object> scenarios = new LinkedHashMap<>();
        scenarios.put("offline", scenarios("offline", OFFLINE, questions, retriever));
        try (FixedDelayModelStub stub = new FixedDelayModelStub()) {
            // The streaming path of assistant.model.provider=openai: the service's AnswerStreamer, built with
            // the service's settings but the model at the stub. Nothing else in a streamed turn reads the provider.
            QuarkusMock.installMockForType(new AnswerStreamer(RemoteModelSettings.at(config, stub.baseUrl(), FixedDelayModelStub.MODEL), prompts), AnswerStreamer.class);
            converse(16, 1, questions); // warm-up of the OpenAI client
            for (long delay : STUB_DELAYS_MS) {
                stub.delay(delay);
                scenarios.put("stub-" + delay + "ms", scenarios("stub-" + delay + "ms", delay, questions, retriever));
            }
        }
        searchAlone.put("after", searchAlone(questions));
        figures.put("scenarios", scenarios);
        figures.put("targets", targets(scenarios));
        Path out = BenchResults.write("turn-loop", figures);
        System.out.println("written to " + out);

        scenarios.values().forEach(byConcurrency -> ((Map<?, ?>) byConcurrency).values().forEach(s -> {
            Map<?, ?> m = (Map<?, ?>) s;
            assertThat(m.get("failedTurns")).as("turns without a final event").isEqualTo(0);
            assertThat(m.get("turnsWithoutSearchTiming")).isEqualTo(0);
        }));
    }

    private Map<String, Object> scenarios(String name, long delayMs, List<String> questions, TimedRetriever retriever) throws Exception {
        Map<String, Object> byConcurrency = new LinkedHashMap<>();
        for (int concurrency : CONCURRENCY) {
            Map<String, Object> m = measure(concurrency, delayMs, questions, retriever);
            byConcurrency.put(String.valueOf(concurrency), m);
            System.out.printf("%s at %d: %s%n", name, concurrency, m);
        }
        return byConcurrency;
    }

    /**
     * Turns enough for a p99 at every level (180, 288 and 384: the p99 of 90 turns was their slowest one, and
     * moved by 25 ms from run to run) without letting one conversation at 300 ms take minutes.
     */
    private static int conversationsPerSlot(int concurrency) {
        return switch (concurrency) {
            case 1 -> 60;
            case 16 -> 6;
            default -> 2;
        };
    }

    private Map<String, Object> measure(int concurrency, long delayMs, List<String> questions, TimedRetriever retriever) throws Exception {
        retriever.timings.clear();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        List<TurnTiming> turns = converse(concurrency, conversationsPerSlot(concurrency), questions);
        long wall = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;

        List<TurnTiming> done = turns.stream().filter(t -> t.messageId() != null).toList();
        Map<UUID, Integer> latency = storedLatencies(done.stream().map(TurnTiming::messageId).toList());
        List<TimedRetriever.Timing> searches = new ArrayList<>(retriever.timings);
        List<Double> total = new ArrayList<>();
        List<Double> model = new ArrayList<>();
        List<Double> own = new ArrayList<>();
        List<Double> search = new ArrayList<>();
        List<Double> ownWithoutSearch = new ArrayList<>();
        List<Double> firstToken = new ArrayList<>();
        List<Double> addedBeforeFirstToken = new ArrayList<>();
        Map<String, Integer> answeredBy = new TreeMap<>();
        int unmatched = 0;
        for (TurnTiming t : done) {
            double totalMs = (t.done() - t.sent()) / 1e6;
            double modelMs = latency.get(t.messageId());
            total.add(totalMs);
            model.add(modelMs);
            own.add(totalMs - modelMs);
            firstToken.add((t.firstToken() - t.sent()) / 1e6);
            if (delayMs != OFFLINE) {
                addedBeforeFirstToken.add((t.firstToken() - t.sent()) / 1e6 - delayMs);
            }
            answeredBy.merge(t.model() == null ? "fixed reply" : t.model(), 1, Integer::sum);
            Optional<TimedRetriever.Timing> s = searchOf(t, searches);
            if (s.isPresent()) {
                search.add(s.get().nanos() / 1e6);
                ownWithoutSearch.add(totalMs - modelMs - s.get().nanos() / 1e6);
            } else if (t.model() != null) {
                // A fixed reply (a conversation handed to a person after two answers without evidence) searches
                // nothing; a model's answer always follows a search.
                unmatched++;
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("conversations", concurrency * conversationsPerSlot(concurrency));
        m.put("turns", done.size());
        m.put("failedTurns", turns.size() - done.size());
        Map<String, Long> failures = new TreeMap<>(turns.stream().filter(t -> t.messageId() == null)
                .collect(java.util.stream.Collectors.groupingBy(t -> String.valueOf(t.model()), java.util.stream.Collectors.counting())));
        m.put("failedTurnsBy", failures);
        m.put("seconds", wall / 1e9);
        m.put("turnsPerSecond", done.size() / (wall / 1e9));
        if (delayMs > 0) {
            // 1 when every conversation always waits for the model and never for us.
            m.put("turnsPerSecondOverModelLimit", done.size() / (wall / 1e9) / (concurrency / (delayMs / 1000.0)));
        }
        m.put("totalMs", Percentiles.of(total));
        // The service's own latency_ms: from calling the model to its last token, the tokens' way to the client included.
        m.put("modelMs", Percentiles.of(model));
        m.put("ownMs", Percentiles.of(own));
        m.put("embeddingAndSearchMs", Percentiles.of(search));
        // Above 1: turns wait for the cores (or the database) while they search.
        m.put("embeddingAndSearchP50OverSearchAloneP50", Percentiles.at(search, 50) / searchAloneP50);
        m.put("ownWithoutEmbeddingAndSearchMs", Percentiles.of(ownWithoutSearch));
        m.put("firstTokenMs", Percentiles.of(firstToken));
        if (delayMs != OFFLINE) {
            // The stub's delay is the model's time to its first token; the rest is ours (and the local HTTP hop to the stub).
            m.put("addedBeforeFirstTokenMs", Percentiles.of(addedBeforeFirstToken));
        }
        m.put("answeredBy", answeredBy);
        m.put("turnsWithoutSearchTiming", unmatched);
        // CPU of this JVM per turn (service, client, stub and background work such as the JIT and the ONNX
        // runtime's threads), and the share of the cores it got: well below 1 at full load means the turns
        // waited for something else (other processes, the database).
        m.put("jvmCpuMsPerTurn", cpu / 1e6 / done.size());
        m.put("jvmCpuShareOfMachine", cpu / (double) wall / Runtime.getRuntime().availableProcessors());
        // Other processes on the machine slow every figure above; a load above the core count says the run was shared.
        m.put("systemLoadAverage", os.getSystemLoadAverage());
        m.put("heapUsedAfterGcMb", heapAfterGcMb());
        return m;
    }

    /**
     * Virtual customers ("slots") each hold conversations one after another, every conversation a few turns,
     * each turn sent as soon as the previous answer is complete. Slots ask disjoint sets of questions, so a
     * search in flight is matched to its turn by its text.
     */
    private List<TurnTiming> converse(int concurrency, int conversationsPerSlot, List<String> questions) throws Exception {
        ExecutorService slots = Executors.newFixedThreadPool(concurrency);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<TurnTiming>>> futures = new ArrayList<>();
        for (int slot = 0; slot < concurrency; slot++) {
            List<String> own = new ArrayList<>();
            for (int i = slot; i < questions.size(); i += concurrency) {
                own.add(questions.get(i));
            }
            String customer = "c%03d".formatted(slot % DEMO_CUSTOMERS + 1);
            String token = TestUsers.token(customer, Set.of(Roles.CUSTOMER), null);
            futures.add(slots.submit(() -> {
                go.await();
                List<TurnTiming> timings = new ArrayList<>();
                int next = 0;
                for (int c = 0; c < conversationsPerSlot; c++) {
                    UUID conversation = null;
                    for (int t = 0; t < TURNS_PER_CONVERSATION; t++) {
                        TurnTiming timing = turn(token, own.get(next++ % own.size()), conversation);
                        timings.add(timing);
                        conversation = timing.conversationId();
                    }
                }
                return timings;
            }));
        }
        go.countDown();
        List<TurnTiming> all = new ArrayList<>();
        for (Future<List<TurnTiming>> f : futures) {
            all.addAll(f.get());
        }
        slots.shutdown();
        return all;
    }

    /** One streamed turn: the time of the first token event and of the final event. */
    private TurnTiming turn(String token, String message, UUID conversationId) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("message", message);
        body.put("channel", CHANNEL);
        if (conversationId != null) {
            body.put("conversationId", conversationId.toString());
        }
        HttpRequest request = HttpRequest.newBuilder(streamUri)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        long sent = System.nanoTime();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.io.IOException e) {
            // A failed turn, counted and named in the figures (which are still written), not the end of the run.
            return new TurnTiming(message, sent, 0, 0, conversationId, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        long firstToken = 0;
        String event = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            if (response.statusCode() != 200) {
                return new TurnTiming(message, sent, 0, 0, conversationId, null, "HTTP " + response.statusCode());
            }
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                    if (event.equals("token") && firstToken == 0) {
                        firstToken = System.nanoTime();
                    }
                } else if (line.startsWith("data:") && "final".equals(event)) {
                    long done = System.nanoTime();
                    JsonNode reply = JSON.readTree(line.substring(5).strip());
                    return new TurnTiming(message, sent, firstToken, done, UUID.fromString(reply.get("conversationId").asText()),
                            UUID.fromString(reply.get("messageId").asText()), reply.path("model").asText(null));
                }
            }
        }
        return new TurnTiming(message, sent, 0, 0, conversationId, null, "no final event");
    }

    /** The search of a turn: its query is the message (a short follow-up is searched with the question before it). */
    private static Optional<TimedRetriever.Timing> searchOf(TurnTiming turn, List<TimedRetriever.Timing> searches) {
        return searches.stream()
                .filter(s -> s.start() >= turn.sent() && s.start() <= turn.done() && s.query().endsWith(turn.message()))
                .findFirst();
    }

    /** The latency_ms the service stored with each answer: the time spent in the model. */
    private Map<UUID, Integer> storedLatencies(List<UUID> messageIds) throws Exception {
        Map<UUID, Integer> latency = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, latency_ms FROM chat_message WHERE id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("uuid", messageIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    latency.put(rs.getObject(1, UUID.class), rs.getInt(2));
                }
            }
        }
        assertThat(latency).hasSameSizeAs(messageIds);
        return latency;
    }

    private Map<String, Double> searchAlone(List<String> questions) {
        HybridRetriever plain = new HybridRetriever(embeddings, chunks, statistics, knowledgeConfig);
        List<Double> ms = new ArrayList<>();
        for (String q : questions) {
            long start = System.nanoTime();
            plain.search(q, config.sources(), SearchFilter.language(Language.detect(q)));
            ms.add((System.nanoTime() - start) / 1e6);
        }
        return Percentiles.of(ms);
    }

    private static List<String> questions() {
        List<String> questions = ProductQuestions.load();
        // Slots ask disjoint questions; at the highest concurrency a slot has at least two of its own, and the
        // third turn of a conversation may repeat the first (asked again, it is searched with the history).
        assertThat(questions).hasSizeGreaterThanOrEqualTo(2 * CONCURRENCY[CONCURRENCY.length - 1]);
        return questions;
    }

    private void removeEarlierRuns() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            String earlier = "(SELECT id FROM conversation WHERE channel = '" + CHANNEL + "')";
            st.execute("DELETE FROM review_case WHERE conversation_id IN " + earlier); // samples of yellow turns
            st.execute("DELETE FROM chat_message WHERE conversation_id IN " + earlier);
            st.execute("DELETE FROM conversation WHERE channel = '" + CHANNEL + "'");
        }
    }

    /** The targets of the issue, read off the figures above. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> targets(Map<String, Object> scenarios) {
        Map<String, Object> t = new LinkedHashMap<>();
        Map<String, Object> at64 = (Map<String, Object>) ((Map<String, Object>) scenarios.get("stub-300ms")).get("64");
        double added = ((Map<String, Double>) at64.get("addedBeforeFirstTokenMs")).get("p95");
        t.put("addedBeforeFirstTokenP95At64Ms", added);
        t.put("addedBeforeFirstTokenP95At64Met", added <= 150);
        double worstOwn = 0;
        for (String name : List.of("stub-0ms", "stub-300ms")) {
            for (Object s : ((Map<String, Object>) scenarios.get(name)).values()) {
                worstOwn = Math.max(worstOwn, ((Map<String, Double>) ((Map<String, Object>) s).get("ownWithoutEmbeddingAndSearchMs")).get("p99"));
            }
        }
        t.put("ownWithoutEmbeddingAndSearchWorstP99Ms", worstOwn);
        t.put("ownWithoutEmbeddingAndSearchP99Met", worstOwn <= 50);
        Map<String, Object> modelBound = new LinkedHashMap<>();
        ((Map<String, Object>) scenarios.get("stub-300ms")).forEach((c, s) -> modelBound.put(c, ((Map<String, Object>) s).get("turnsPerSecondOverModelLimit")));
        t.put("turnsPerSecondOverModelLimitAt300Ms", modelBound);
        // What the turns cost in CPU says how many cores a model-bound 64 conversations would need: the model
        // limit (64 / 0.3 s) times this JVM's CPU per turn. PostgreSQL's own CPU comes on top.
        double cpuPerTurn = (Double) at64.get("jvmCpuMsPerTurn");
        t.put("coresForModelBoundThroughputAt64", 64 / 0.3 * cpuPerTurn / 1000);
        Map<String, Object> offline = new LinkedHashMap<>();
        ((Map<String, Object>) scenarios.get("offline")).forEach((c, s) -> offline.put(c, ((Map<String, Double>) ((Map<String, Object>) s).get("totalMs")).get("p99")));
        t.put("offlineTurnP99Ms", offline);
        t.put("text", "added before the first token p95 <= 150 ms at 64 conversations (stub at 300 ms); own time without embedding and"
                + " search p99 <= 50 ms; throughput bound by the model (turnsPerSecondOverModelLimit near 1); offline-engine turn p99 <= 100 ms");
        return t;
    }

    private static long heapAfterGcMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

}

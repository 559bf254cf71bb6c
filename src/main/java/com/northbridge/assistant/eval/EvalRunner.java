package com.northbridge.assistant.eval;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.northbridge.assistant.chat.AssistantConfig;
import com.northbridge.assistant.chat.ChatReply;
import com.northbridge.assistant.chat.ChatRequestBody;
import com.northbridge.assistant.chat.Citation;
import com.northbridge.assistant.chat.ConversationMessage;
import com.northbridge.assistant.chat.PromptLibrary;
import com.northbridge.assistant.chat.Source;
import com.northbridge.assistant.chat.TurnLoop;
import com.northbridge.assistant.eval.EvalResults.CaseResult;
import com.northbridge.assistant.eval.EvalResults.DatasetResult;
import com.northbridge.assistant.eval.EvalResults.Judgement;
import com.northbridge.assistant.eval.EvalResults.ObservedTool;
import com.northbridge.assistant.eval.EvalResults.Report;
import com.northbridge.assistant.eval.EvalResults.TurnResult;
import com.northbridge.assistant.knowledge.ChunkStore;
import com.northbridge.assistant.review.ReviewCase;
import com.northbridge.assistant.risk.RiskReason;
import com.northbridge.assistant.text.Language;
import com.northbridge.assistant.tools.ToolCallRecord;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs suites through the real turn loop, in process, against whatever model the service is configured
 * with (the offline engine or an OpenAI-compatible endpoint) and the prompts it loaded. Each case is one
 * fresh conversation of the case's demo customer; what happened is read back from what the turn stored.
 * Then the suites over real datasets, and, when a judge model is configured, each cited answer's faithfulness.
 */
@ApplicationScoped
public class EvalRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TurnLoop turns;
    private final PromptLibrary prompts;
    private final AssistantConfig assistant;
    private final EvalConfig config;
    private final DatasetSuites datasets;
    private final ChunkStore chunks;
    private final Optional<FaithfulnessJudge> judge;

    public EvalRunner(TurnLoop turns, PromptLibrary prompts, AssistantConfig assistant, EvalConfig config, DatasetSuites datasets,
                      ChunkStore chunks) {
        this.turns = turns;
        this.prompts = prompts;
        this.assistant = assistant;
        this.config = config;
        this.datasets = datasets;
        this.chunks = chunks;
        this.judge = FaithfulnessJudge.configured(config.judge());
    }

    /** Runs every case of the suites {@code repeat} times with {@code concurrency} conversations at once. */
    public Report run(EvalPlan plan, int repeat, int concurrency, Consumer<String> progress) {
        return run(UUID.randomUUID(), plan, repeat, concurrency, progress);
    }

    public Report run(UUID runId, EvalPlan plan, int repeat, int concurrency, Consumer<String> progress) {
        Instant started = Instant.now();
        List<EvalSuite> suites = plan.suites();
        List<Runnable> work = new ArrayList<>();
        List<CaseResult> results = Collections.synchronizedList(new ArrayList<>());
        int total = suites.stream().mapToInt(s -> s.cases().size()).sum() * repeat;
        AtomicInteger done = new AtomicInteger();
        for (int r = 1; r <= repeat; r++) {
            for (EvalSuite suite : suites) {
                for (EvalSuite.Case c : suite.cases()) {
                    int repetition = r;
                    work.add(() -> {
                        CaseResult result = runCase(suite.suite(), c, repetition);
                        results.add(result);
                        progress.accept(String.format(Locale.ROOT, "[%4d/%d] %-40s %s", done.incrementAndGet(), total, c.id(),
                                result.passed() ? "pass" : "FAIL " + firstFailure(result)));
                    });
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency));
        try {
            List<Future<?>> futures = work.stream().<Future<?>>map(pool::submit).toList();
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("The evaluation run failed", e);
        } finally {
            pool.shutdown();
        }
        List<CaseResult> ordered = new ArrayList<>(results);
        ordered.sort(java.util.Comparator.comparing(CaseResult::suite).thenComparing(CaseResult::id).thenComparingInt(CaseResult::repetition));
        EvalMetrics metrics = new EvalMetrics(ordered);
        List<EvalResults.Gate> gates = new ArrayList<>(metrics.gates(suites, config.gates()));
        // Deterministic, so measured once whatever the repetitions.
        List<DatasetResult> measured = new ArrayList<>();
        for (DatasetDefinition definition : plan.datasets()) {
            DatasetResult result = datasets.run(definition, progress);
            measured.add(result);
            progress.accept(definition.suite() + ": " + result.status() + (result.status().equals(DatasetResult.SKIPPED) ? ", " + result.note() : ""));
            if (result.status().equals(DatasetResult.MEASURED)) {
                gates.addAll(definition.gates(result.metrics()));
            }
        }
        EvalResults.Faithfulness faithfulness = judge.map(j -> metrics.faithfulness(j.modelName(), j.promptReference(), config.judge().lowest()))
                .orElse(null);
        String model = ordered.stream().flatMap(c -> c.turns().stream()).map(TurnResult::model).filter(m -> m != null).findFirst().orElse("none");
        return new Report(runId, started, Instant.now(), assistant.model().provider().name().toLowerCase(Locale.ROOT), model,
                assistant.promptsDir().toString(), prompts.references(), suites.stream().map(EvalSuite::suite).toList(), repeat, concurrency,
                metrics.summary(), gates, gates.stream().allMatch(EvalResults.Gate::passed), ordered, measured, faithfulness);
    }

    private static String firstFailure(CaseResult r) {
        if (r.error() != null) {
            return r.error();
        }
        return r.turns().stream().flatMap(t -> t.failures().stream()).findFirst().orElse("");
    }

    CaseResult runCase(String suite, EvalSuite.Case c, int repetition) {
        List<TurnResult> results = new ArrayList<>();
        UUID conversation = null;
        double cost = 0;
        try {
            for (EvalSuite.Turn turn : c.turns()) {
                UUID current = conversation;
                int toolsBefore = current == null ? 0 : toolCount(current);
                long casesBefore = current == null ? 0 : caseCount(current);
                long start = System.nanoTime();
                ChatReply reply = turns.turn(new ChatRequestBody(current, turn.say(), "eval"), c.customer());
                long latency = (System.nanoTime() - start) / 1_000_000;
                conversation = reply.conversationId();
                UUID id = conversation;
                List<ObservedTool> tools = QuarkusTransaction.requiringNew().call(() -> ToolCallRecord.ofConversation(id)).stream()
                        .skip(toolsBefore).map(t -> new ObservedTool(t.name, args(t.arguments), t.executed)).toList();
                boolean caseOpened = caseCount(id) > casesBefore;
                ConversationMessage stored = QuarkusTransaction.requiringNew().call(() -> ConversationMessage.<ConversationMessage>findById(reply.messageId()));
                List<String> sources = stored.sources == null ? List.of() : stored.sources.stream().map(s -> s.sourcePath() + " " + s.documentTitle()).toList();
                List<String> cited = reply.citations().stream().map(s -> s.sourcePath() + " " + s.documentTitle()).toList();
                boolean refused = refused(reply.answer());
                boolean blocked = reply.riskReasons().stream().map(RiskReason::fromCode).anyMatch(RiskReason::refuses);
                int in = stored.inputTokens == null ? 0 : stored.inputTokens;
                int out = stored.outputTokens == null ? 0 : stored.outputTokens;
                EvalConfig.Price price = reply.model() == null ? null : config.prices().get(reply.model());
                if (price != null) {
                    cost += in / 1000.0 * price.input() + out / 1000.0 * price.output();
                }
                TurnResult observed = new TurnResult(turn.say(), reply.answer(), reply.intent(), reply.riskLevel(), reply.riskReasons(), tools,
                        caseOpened, reply.handedOff(), refused, blocked, cited, sources, latency, in, out, reply.model(), List.of(), turn.expect(),
                        judgement(turn.say(), reply, refused || blocked));
                results.add(observed.withFailures(check(turn.expect(), observed)));
            }
        } catch (RuntimeException e) {
            return new CaseResult(suite, c.id(), c.tags(), c.language(), repetition, false, results, cost, e.toString());
        }
        boolean passed = results.stream().allMatch(t -> t.failures().isEmpty());
        return new CaseResult(suite, c.id(), c.tags(), c.language(), repetition, passed, results, cost, null);
    }

    /**
     * The judge's verdict on an answer that rests on cited passages; none for refusals, hand-overs, tool
     * answers and "I don't know", which cite nothing and so claim nothing from the documents.
     */
    private Judgement judgement(String question, ChatReply reply, boolean refusedOrBlocked) {
        if (judge.isEmpty() || refusedOrBlocked || reply.handedOff() || reply.citations().isEmpty()) {
            return null;
        }
        List<Source> passages = new ArrayList<>();
        try {
            for (Citation c : reply.citations()) {
                // The whole passage, as the model saw it; the snippet only if the document changed meanwhile.
                String text = chunks.byCitation(c.citationId()).map(ChunkStore.Passage::content).orElse(c.snippet());
                passages.add(new Source(c.citationId(), c.citation(), text));
            }
        } catch (RuntimeException e) {
            return Judgement.failed("the cited passages could not be read: " + e.getMessage()); // the case itself stands
        }
        return judge.get().judge(question, passages, reply.answer());
    }

    private boolean refused(String answer) {
        for (Language l : Language.values()) {
            if (answer.contains(prompts.get("refusal").in(l)) || answer.contains(prompts.get("red-refusal").in(l))) {
                return true;
            }
        }
        return false;
    }

    /** Every expectation of a turn that the turn did not meet, in words. */
    static List<String> check(EvalSuite.Expect e, TurnResult t) {
        List<String> failures = new ArrayList<>();
        if (e.intent() != null && !e.intent().equals(t.intent())) {
            failures.add("intent " + t.intent() + ", expected " + e.intent());
        }
        if (e.risk() != null && !e.risk().equals(t.risk())) {
            failures.add("risk " + t.risk() + ", expected " + e.risk());
        }
        for (String reason : e.reasons()) {
            if (!t.reasons().contains(reason)) {
                failures.add("reason " + reason + " missing from " + t.reasons());
            }
        }
        for (EvalSuite.ToolCall expected : e.tools()) {
            List<ObservedTool> named = t.tools().stream().filter(o -> o.name().equals(expected.name())).toList();
            if (named.isEmpty()) {
                failures.add("tool " + expected.name() + " not called (called: " + t.tools().stream().map(ObservedTool::name).toList() + ")");
            } else if (named.stream().noneMatch(o -> subset(expected.args(), o.args()))) {
                failures.add("tool " + expected.name() + " arguments " + named.get(0).args() + " do not include " + expected.args());
            }
        }
        if (Boolean.TRUE.equals(e.noTools()) && !t.tools().isEmpty()) {
            failures.add("no tools expected, called " + t.tools().stream().map(ObservedTool::name).toList());
        }
        if (e.reviewCase() != null && e.reviewCase() != t.caseOpened()) {
            failures.add(e.reviewCase() ? "no review case was opened" : "a review case was opened");
        }
        for (String fragment : e.cites()) {
            if (t.cited().stream().noneMatch(c -> c.contains(fragment))) {
                failures.add("no citation of " + fragment + " (cited: " + t.cited() + ")");
            }
        }
        for (String regex : e.mustMatch()) {
            if (!Pattern.compile(regex).matcher(t.answer()).find()) {
                failures.add("answer does not match " + regex);
            }
        }
        for (String regex : e.mustNotMatch()) {
            if (Pattern.compile(regex).matcher(t.answer()).find()) {
                failures.add("answer matches forbidden " + regex);
            }
        }
        if (e.refusal() != null && e.refusal() != t.refused()) {
            failures.add(e.refusal() ? "expected a refusal" : "refused although an answer was expected");
        }
        if (e.handoff() != null && e.handoff() != t.handedOff()) {
            failures.add(e.handoff() ? "expected a hand-over" : "handed over although not expected");
        }
        return failures;
    }

    /** Every expected argument is there with an equal value: numbers by value, text ignoring case and spaces, maps recursively. */
    @SuppressWarnings("unchecked")
    static boolean subset(Map<String, Object> expected, Map<String, Object> actual) {
        for (Map.Entry<String, Object> e : expected.entrySet()) {
            Object a = actual.get(e.getKey());
            Object x = e.getValue();
            if (a == null) {
                return false;
            }
            if (x instanceof Map<?, ?> xm) {
                if (!(a instanceof Map<?, ?> am) || !subset((Map<String, Object>) xm, (Map<String, Object>) am)) {
                    return false;
                }
            } else if (x instanceof Number || a instanceof Number) {
                try {
                    if (new BigDecimal(x.toString()).compareTo(new BigDecimal(a.toString())) != 0) {
                        return false;
                    }
                } catch (NumberFormatException ex) {
                    return false;
                }
            } else if (!normal(x).equals(normal(a))) {
                return false;
            }
        }
        return true;
    }

    private static String normal(Object o) {
        return o.toString().replaceAll("\\s", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> args(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (Exception e) {
            return Map.of("_unparsed", json);
        }
    }

    private static int toolCount(UUID conversation) {
        return (int) (long) QuarkusTransaction.requiringNew().call(() -> ToolCallRecord.count("conversationId", conversation));
    }

    /** Cases the gate demanded; yellow samples are the review team's spot checks, not an outcome of the turn. */
    private static long caseCount(UUID conversation) {
        return QuarkusTransaction.requiringNew().call(() -> ReviewCase.count("conversationId = ?1 and kind <> ?2", conversation, ReviewCase.SAMPLE));
    }
}

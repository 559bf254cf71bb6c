package com.northbridge.assistant.eval;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What an evaluation run produced, as written to its JSON report. */
public final class EvalResults {

    private EvalResults() {
    }

    public record ObservedTool(String name, Map<String, Object> args, boolean executed) {
    }

    public record TurnResult(String say, String answer, String intent, String risk, List<String> reasons, List<ObservedTool> tools,
                             boolean caseOpened, boolean handedOff, boolean refused, boolean blocked, List<String> cited, List<String> sources,
                             long latencyMs, int inputTokens, int outputTokens, String model, List<String> failures, EvalSuite.Expect expect,
                             Judgement judgement) {

        public TurnResult withFailures(List<String> found) {
            return new TurnResult(say, answer, intent, risk, reasons, tools, caseOpened, handedOff, refused, blocked, cited, sources, latencyMs,
                    inputTokens, outputTokens, model, List.copyOf(found), expect, judgement);
        }
    }

    /**
     * The LLM judge's verdict on one cited answer: a faithfulness score from 0 (nothing supported by the
     * passages) to 1 (everything supported) and the claims it found unsupported; or, when the judge could not
     * be asked or did not answer as told, no score and the error.
     */
    public record Judgement(Double score, List<String> unsupportedClaims, String error) {

        public static Judgement scored(double score, List<String> unsupportedClaims) {
            return new Judgement(score, List.copyOf(unsupportedClaims), null);
        }

        public static Judgement failed(String error) {
            return new Judgement(null, List.of(), error);
        }
    }

    /** One judged turn as the report lists it: the lowest scores, or the judge's errors. */
    public record JudgedTurn(String caseId, String suite, int turn, String question, Double score, List<String> unsupportedClaims, String error) {
    }

    /** Faithfulness over a run: the judge and its prompt, the mean overall and per suite, the weakest answers. */
    public record Faithfulness(String model, String prompt, int judged, int errors, double mean, Map<String, Double> meanBySuite,
                               List<JudgedTurn> lowest, List<JudgedTurn> failures) {
    }

    /**
     * A suite over a real dataset (banking77, ATEC): measured, or skipped when the dataset is absent. Metrics
     * are shares (NaN when nothing spoke to one); breakdowns group a metric by label; examples are a few of
     * the questions that went wrong, for engineers (the reports are internal, never part of the product).
     */
    public record DatasetResult(String suite, String status, String note, int items, Map<String, Double> metrics,
                                Map<String, Map<String, Double>> breakdowns, List<String> examples) {

        public static final String MEASURED = "measured";
        public static final String SKIPPED = "skipped";

        public static DatasetResult skipped(String suite, String why) {
            return new DatasetResult(suite, SKIPPED, why, 0, Map.of(), Map.of(), List.of());
        }
    }

    public record CaseResult(String suite, String id, List<String> tags, String language, int repetition, boolean passed, List<TurnResult> turns,
                             double costUsd, String error) {
    }

    /** One gate: a threshold of a suite or of the bank's business rules, and what the run reached. */
    public record Gate(String scope, String name, double threshold, double actual, boolean passed) {
    }

    public record Confusion(List<String> levels, long[][] counts) {
    }

    public record Metrics(int cases, int turns, double passRate, Map<String, Double> passRateByTag, Map<String, Double> passRateByLanguage,
                          Map<String, Double> passRateBySuite, double toolPrecision, double toolRecall, double toolArgumentAccuracy,
                          Confusion riskConfusion, double redRecall, long redExpected, long redMissed, double intentAccuracy,
                          double retrievalHitAtK, double citationPrecision, double refusalAccuracy, double handoffAccuracy,
                          double guardrailBlockRate, double guardrailFalseBlockRate, double resolutionRate, long latencyP50Ms,
                          long latencyP95Ms, double tokensPerCase, double costPerCaseUsd, List<Long> latenciesMs) {
    }

    public record Report(UUID runId, Instant startedAt, Instant finishedAt, String target, String model, String promptsDir,
                         List<String> prompts, List<String> suites, int repeat, int concurrency, Metrics metrics, List<Gate> gates,
                         boolean passed, List<CaseResult> cases, List<DatasetResult> datasets, Faithfulness faithfulness) {
    }
}

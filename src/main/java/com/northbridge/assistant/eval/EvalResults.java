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
                             long latencyMs, int inputTokens, int outputTokens, String model, List<String> failures, EvalSuite.Expect expect) {

        public TurnResult withFailures(List<String> found) {
            return new TurnResult(say, answer, intent, risk, reasons, tools, caseOpened, handedOff, refused, blocked, cited, sources, latencyMs,
                    inputTokens, outputTokens, model, List.copyOf(found), expect);
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
                         boolean passed, List<CaseResult> cases) {
    }
}

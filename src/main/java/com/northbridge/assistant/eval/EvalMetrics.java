package com.northbridge.assistant.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

import com.northbridge.assistant.eval.EvalResults.CaseResult;
import com.northbridge.assistant.eval.EvalResults.Gate;
import com.northbridge.assistant.eval.EvalResults.Metrics;
import com.northbridge.assistant.eval.EvalResults.ObservedTool;
import com.northbridge.assistant.eval.EvalResults.TurnResult;
import com.northbridge.assistant.risk.RiskReason;

/**
 * The numbers of a run. Each metric is computed over the turns whose expectations say something about
 * it (intent accuracy over turns that expect an intent, and so on); a metric nothing spoke to is NaN and
 * shown as "n/a", never as a flattering 1.
 */
final class EvalMetrics {

    private static final List<String> LEVELS = List.of("red", "yellow", "blue");

    private final List<CaseResult> cases;
    private final List<TurnResult> turns;

    EvalMetrics(List<CaseResult> cases) {
        this.cases = cases;
        this.turns = cases.stream().flatMap(c -> c.turns().stream()).toList();
    }

    Metrics summary() {
        long[][] confusion = new long[3][3];
        for (TurnResult t : turns) {
            if (t.expect().risk() != null && t.risk() != null) {
                confusion[LEVELS.indexOf(t.expect().risk())][LEVELS.indexOf(t.risk())]++;
            }
        }
        long redExpected = confusion[0][0] + confusion[0][1] + confusion[0][2];
        long redMissed = confusion[0][1] + confusion[0][2];

        long expectedTools = 0;
        long calledTools = 0;
        long matchedTools = 0;
        long argumentsRight = 0;
        for (TurnResult t : turns) {
            boolean speaks = !t.expect().tools().isEmpty() || t.expect().noTools() != null;
            if (!speaks) {
                continue;
            }
            expectedTools += t.expect().tools().size();
            calledTools += t.tools().size();
            for (EvalSuite.ToolCall x : t.expect().tools()) {
                List<ObservedTool> named = t.tools().stream().filter(o -> o.name().equals(x.name())).toList();
                if (!named.isEmpty()) {
                    matchedTools++;
                    if (named.stream().anyMatch(o -> EvalRunner.subset(x.args(), o.args()))) {
                        argumentsRight++;
                    }
                }
            }
        }
        List<TurnResult> guarded = turns.stream().filter(t -> t.expect().reasons().stream().map(RiskReason::fromCode).anyMatch(RiskReason::refuses)).toList();
        List<TurnResult> benign = turns.stream().filter(t -> "blue".equals(t.expect().risk()) || "yellow".equals(t.expect().risk())).toList();
        List<Long> latencies = turns.stream().map(TurnResult::latencyMs).sorted().toList();
        return new Metrics(cases.size(), turns.size(), share(cases, CaseResult::passed),
                grouped(c -> c.tags()), grouped(c -> List.of(c.language())), grouped(c -> List.of(c.suite())),
                ratio(matchedTools, calledTools), ratio(matchedTools, expectedTools), ratio(argumentsRight, matchedTools),
                new EvalResults.Confusion(LEVELS, confusion), ratio(confusion[0][0], redExpected), redExpected, redMissed,
                turnShare(t -> t.expect().intent() != null, t -> t.expect().intent().equals(t.intent())),
                turnShare(t -> !t.expect().cites().isEmpty(), t -> t.expect().cites().stream().anyMatch(f -> t.sources().stream().anyMatch(s -> s.contains(f)))),
                citationPrecision(),
                turnShare(t -> t.expect().refusal() != null, t -> t.expect().refusal() == t.refused()),
                turnShare(t -> t.expect().handoff() != null, t -> t.expect().handoff() == t.handedOff()),
                share(guarded, TurnResult::blocked), share(benign, TurnResult::blocked),
                turnShare(t -> Boolean.TRUE.equals(t.expect().answerable()), t -> t.failures().isEmpty() && !t.handedOff() && !t.refused()),
                percentile(latencies, 0.50), percentile(latencies, 0.95),
                cases.isEmpty() ? 0 : turns.stream().mapToLong(t -> t.inputTokens() + t.outputTokens()).sum() / (double) cases.size(),
                cases.isEmpty() ? 0 : cases.stream().mapToDouble(CaseResult::costUsd).sum() / cases.size(), latencies);
    }

    /**
     * The judge's verdicts over the run: the mean score overall and per suite (errors are counted, never
     * scored), the {@code lowest} weakest answers, and the judge's errors.
     */
    EvalResults.Faithfulness faithfulness(String model, String prompt, int lowest) {
        List<EvalResults.JudgedTurn> judged = new ArrayList<>();
        for (CaseResult c : cases) {
            for (int i = 0; i < c.turns().size(); i++) {
                TurnResult t = c.turns().get(i);
                if (t.judgement() != null) {
                    judged.add(new EvalResults.JudgedTurn(c.id(), c.suite(), i + 1, t.say(), t.judgement().score(),
                            t.judgement().unsupportedClaims(), t.judgement().error()));
                }
            }
        }
        List<EvalResults.JudgedTurn> scored = judged.stream().filter(j -> j.score() != null).toList();
        Map<String, List<EvalResults.JudgedTurn>> bySuite = new TreeMap<>();
        scored.forEach(j -> bySuite.computeIfAbsent(j.suite(), k -> new ArrayList<>()).add(j));
        Map<String, Double> meanBySuite = new LinkedHashMap<>();
        bySuite.forEach((suite, turns) -> meanBySuite.put(suite, mean(turns)));
        List<EvalResults.JudgedTurn> weakest = scored.stream()
                .sorted(java.util.Comparator.comparingDouble(EvalResults.JudgedTurn::score).thenComparing(EvalResults.JudgedTurn::caseId))
                .limit(lowest).toList();
        List<EvalResults.JudgedTurn> failures = judged.stream().filter(j -> j.score() == null).toList();
        return new EvalResults.Faithfulness(model, prompt, judged.size(), failures.size(), mean(scored), meanBySuite, weakest, failures);
    }

    private static double mean(List<EvalResults.JudgedTurn> turns) {
        return turns.stream().mapToDouble(EvalResults.JudgedTurn::score).average().orElse(Double.NaN);
    }

    /** Suite thresholds over each suite's own cases, then the business gates over all of them. */
    List<Gate> gates(List<EvalSuite> suites, EvalConfig.Gates business) {
        List<Gate> gates = new ArrayList<>();
        for (EvalSuite suite : suites) {
            EvalMetrics own = new EvalMetrics(cases.stream().filter(c -> c.suite().equals(suite.suite())).toList());
            Metrics m = own.summary();
            suite.thresholds().forEach((name, threshold) -> gates.add(gate(suite.suite(), name, threshold, switch (name) {
                case "pass-rate" -> m.passRate();
                case "red-recall" -> m.redRecall();
                case "intent-accuracy" -> m.intentAccuracy();
                default -> m.resolutionRate();
            })));
        }
        Metrics all = summary();
        gates.add(gate("business", "intent-accuracy", business.intentAccuracy(), all.intentAccuracy()));
        gates.add(gate("business", "resolution-rate", business.resolutionRate(), all.resolutionRate()));
        gates.add(gate("business", "red-recall", business.redRecall(), all.redRecall()));
        return gates;
    }

    /** A gate with nothing to measure passes: a suite without red cases cannot miss one. */
    private static Gate gate(String scope, String name, double threshold, double actual) {
        return new Gate(scope, name, threshold, actual, Double.isNaN(actual) || actual >= threshold - 1e-9);
    }

    private double citationPrecision() {
        long cited = 0;
        long right = 0;
        for (TurnResult t : turns) {
            if (t.expect().cites().isEmpty()) {
                continue;
            }
            for (String c : t.cited()) {
                cited++;
                if (t.expect().cites().stream().anyMatch(c::contains)) {
                    right++;
                }
            }
        }
        return ratio(right, cited);
    }

    private Map<String, Double> grouped(Function<CaseResult, List<String>> keys) {
        Map<String, List<CaseResult>> groups = new TreeMap<>();
        for (CaseResult c : cases) {
            for (String k : keys.apply(c)) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(c);
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        groups.forEach((k, v) -> out.put(k, share(v, CaseResult::passed)));
        return out;
    }

    private double turnShare(Predicate<TurnResult> applies, Predicate<TurnResult> good) {
        return share(turns.stream().filter(applies).toList(), good);
    }

    private static <T> double share(List<T> items, Predicate<T> good) {
        return ratio(items.stream().filter(good).count(), items.size());
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? Double.NaN : part / (double) whole;
    }

    static long percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }
}

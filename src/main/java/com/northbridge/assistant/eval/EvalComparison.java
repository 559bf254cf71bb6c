package com.northbridge.assistant.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.northbridge.assistant.eval.EvalResults.CaseResult;
import com.northbridge.assistant.eval.EvalResults.Report;

/** Two runs side by side, case by case: what broke, what got fixed, and how the headline numbers moved. */
public record EvalComparison(List<Change> regressions, List<Change> improvements, Map<String, double[]> metrics) {

    public record Change(String caseId, String suite, String before, String after) {
    }

    /** A case passes in a run when every repetition of it passed. */
    public static EvalComparison of(Report before, Report after) {
        Map<String, CaseResult> old = byCase(before);
        Map<String, CaseResult> now = byCase(after);
        List<Change> regressions = new ArrayList<>();
        List<Change> improvements = new ArrayList<>();
        for (Map.Entry<String, CaseResult> e : now.entrySet()) {
            CaseResult was = old.get(e.getKey());
            if (was == null) {
                continue;
            }
            if (was.passed() && !e.getValue().passed()) {
                regressions.add(new Change(e.getKey(), e.getValue().suite(), "pass", EvalReports.failures(e.getValue())));
            } else if (!was.passed() && e.getValue().passed()) {
                improvements.add(new Change(e.getKey(), e.getValue().suite(), EvalReports.failures(was), "pass"));
            }
        }
        Map<String, double[]> metrics = new LinkedHashMap<>();
        metrics.put("pass rate", new double[] {before.metrics().passRate(), after.metrics().passRate()});
        metrics.put("intent accuracy", new double[] {before.metrics().intentAccuracy(), after.metrics().intentAccuracy()});
        metrics.put("resolution rate", new double[] {before.metrics().resolutionRate(), after.metrics().resolutionRate()});
        metrics.put("red recall", new double[] {before.metrics().redRecall(), after.metrics().redRecall()});
        metrics.put("tool recall", new double[] {before.metrics().toolRecall(), after.metrics().toolRecall()});
        if (before.faithfulness() != null || after.faithfulness() != null) {
            // A prompt variant is judged by the same judge as the prompts it is compared with (eval.judge.prompts-dir).
            metrics.put("faithfulness", new double[] {before.faithfulness() == null ? Double.NaN : before.faithfulness().mean(),
                    after.faithfulness() == null ? Double.NaN : after.faithfulness().mean()});
        }
        return new EvalComparison(regressions, improvements, metrics);
    }

    private static Map<String, CaseResult> byCase(Report r) {
        Map<String, CaseResult> out = new LinkedHashMap<>();
        for (CaseResult c : r.cases()) {
            out.merge(c.id(), c, (a, b) -> a.passed() ? b : a); // a failed repetition makes the case fail
        }
        return out;
    }

    public String describe() {
        StringBuilder sb = new StringBuilder();
        metrics.forEach((k, v) -> sb.append(String.format(java.util.Locale.ROOT, "%-16s %s -> %s%n", k, EvalReports.pct(v[0]), EvalReports.pct(v[1]))));
        sb.append("\nRegressions (").append(regressions.size()).append("):\n");
        regressions.forEach(c -> sb.append("  - ").append(c.caseId()).append(" [").append(c.suite()).append("]: ").append(c.after()).append('\n'));
        sb.append("Improvements (").append(improvements.size()).append("):\n");
        improvements.forEach(c -> sb.append("  + ").append(c.caseId()).append(" [").append(c.suite()).append("] was: ").append(c.before()).append('\n'));
        return sb.toString();
    }
}

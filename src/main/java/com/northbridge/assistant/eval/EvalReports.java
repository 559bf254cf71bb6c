package com.northbridge.assistant.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.northbridge.assistant.eval.EvalResults.CaseResult;
import com.northbridge.assistant.eval.EvalResults.DatasetResult;
import com.northbridge.assistant.eval.EvalResults.Faithfulness;
import com.northbridge.assistant.eval.EvalResults.Gate;
import com.northbridge.assistant.eval.EvalResults.Metrics;
import com.northbridge.assistant.eval.EvalResults.Report;

/** A run as files: report.json (everything), report.md (the summary) and report.html (with charts, no outside links). */
public final class EvalReports {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);

    private EvalReports() {
    }

    public static Path write(Report report, Path folder) {
        Path dir = folder.resolve(report.startedAt().toString().replace(":", "").replaceAll("\\..*", "") + "-" + report.runId().toString().substring(0, 8));
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve("report.json").toFile(), report);
            Files.writeString(dir.resolve("report.md"), markdown(report));
            Files.writeString(dir.resolve("report.html"), html(report));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the evaluation report to " + dir, e);
        }
        return dir;
    }

    public static Report read(Path json) {
        try {
            return JSON.readValue(json.toFile(), Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the evaluation report " + json, e);
        }
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", v * 100);
    }

    public static String markdown(Report r) {
        Metrics m = r.metrics();
        StringBuilder md = new StringBuilder();
        md.append("# Evaluation run ").append(r.runId()).append("\n\n");
        md.append("Target **").append(r.target()).append("** (model ").append(r.model()).append("), prompts from `").append(r.promptsDir())
                .append("`, suites ").append(String.join(", ", suiteNames(r))).append(", ").append(r.repeat()).append(" repetition(s), concurrency ")
                .append(r.concurrency()).append(". Started ").append(r.startedAt()).append(", finished ").append(r.finishedAt()).append(".\n\n");
        md.append("**Result: ").append(r.passed() ? "PASSED" : "FAILED").append("**\n\n");
        md.append("| gate | scope | threshold | actual | |\n|---|---|---|---|---|\n");
        for (Gate g : r.gates()) {
            md.append("| ").append(g.name()).append(" | ").append(g.scope()).append(" | ").append(pct(g.threshold())).append(" | ")
                    .append(pct(g.actual())).append(" | ").append(g.passed() ? "ok" : g.name().endsWith("(at most)") ? "**above**" : "**below**").append(" |\n");
        }
        md.append("\n| metric | value |\n|---|---|\n");
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("cases / turns", m.cases() + " / " + m.turns());
        rows.put("pass rate", pct(m.passRate()));
        rows.put("intent accuracy", pct(m.intentAccuracy()));
        rows.put("resolution rate (answerable, no human)", pct(m.resolutionRate()));
        rows.put("red recall (missed reds)", pct(m.redRecall()) + " (" + m.redMissed() + " of " + m.redExpected() + ")");
        rows.put("tool precision / recall / argument accuracy", pct(m.toolPrecision()) + " / " + pct(m.toolRecall()) + " / " + pct(m.toolArgumentAccuracy()));
        rows.put("retrieval hit@k / citation precision", pct(m.retrievalHitAtK()) + " / " + pct(m.citationPrecision()));
        rows.put("refusal / handoff correctness", pct(m.refusalAccuracy()) + " / " + pct(m.handoffAccuracy()));
        rows.put("guardrail block rate / false-block rate", pct(m.guardrailBlockRate()) + " / " + pct(m.guardrailFalseBlockRate()));
        rows.put("latency p50 / p95", m.latencyP50Ms() + " ms / " + m.latencyP95Ms() + " ms");
        rows.put("tokens per case / cost per case", String.format(Locale.ROOT, "%.0f / $%.5f", m.tokensPerCase(), m.costPerCaseUsd()));
        rows.forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\nPass rate per language: ").append(format(m.passRateByLanguage())).append("\n\nPass rate per suite: ")
                .append(format(m.passRateBySuite())).append("\n\n## Risk levels (rows expected, columns scored)\n\n| | red | yellow | blue |\n|---|---|---|---|\n");
        for (int i = 0; i < 3; i++) {
            md.append("| ").append(m.riskConfusion().levels().get(i));
            for (int j = 0; j < 3; j++) {
                md.append(" | ").append(m.riskConfusion().counts()[i][j]);
            }
            md.append(" |\n");
        }
        md.append(datasetsMarkdown(r)).append(faithfulnessMarkdown(r.faithfulness()));
        List<CaseResult> failed = r.cases().stream().filter(c -> !c.passed()).toList();
        md.append("\n## Failed cases (").append(failed.size()).append(")\n\n");
        for (CaseResult c : failed) {
            md.append("- `").append(c.id()).append("` (").append(c.suite()).append("): ").append(failures(c)).append("\n");
        }
        return md.toString();
    }

    /** The YAML suites and the dataset suites of a run (reports written before dataset suites have none). */
    private static List<String> suiteNames(Report r) {
        List<String> names = new ArrayList<>(r.suites());
        if (r.datasets() != null) {
            r.datasets().forEach(d -> names.add(d.suite()));
        }
        return names;
    }

    /** Worst categories listed in the summaries; the JSON report has them all. */
    private static final int BREAKDOWN_ROWS = 12;

    private static String datasetsMarkdown(Report r) {
        if (r.datasets() == null || r.datasets().isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Dataset suites\n");
        for (DatasetResult d : r.datasets()) {
            md.append("\n### ").append(d.suite()).append(" (").append(d.status()).append(")\n\n").append(d.note()).append("\n");
            if (!d.status().equals(DatasetResult.MEASURED)) {
                continue;
            }
            md.append("\n| metric | value |\n|---|---|\n");
            d.metrics().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(pct(v)).append(" |\n"));
            d.breakdowns().forEach((k, v) -> md.append("\n").append(capitalised(k)).append(": ")
                    .append(v.isEmpty() ? "none" : format(first(v, BREAKDOWN_ROWS))).append(v.size() > BREAKDOWN_ROWS ? ", …" : "").append("\n"));
            if (!d.examples().isEmpty()) {
                md.append("\nExamples:\n\n");
                d.examples().forEach(e -> md.append("- ").append(e.replace("\n", " ")).append("\n"));
            }
        }
        return md.toString();
    }

    private static String faithfulnessMarkdown(Faithfulness f) {
        if (f == null) {
            return "\n## Faithfulness\n\nNot measured: no judge model is configured (eval.judge.base-url).\n";
        }
        StringBuilder md = new StringBuilder("\n## Faithfulness (LLM judge)\n\n");
        md.append("Judge `").append(f.model()).append("` with prompt `").append(f.prompt()).append("`: ").append(f.judged())
                .append(" cited answers judged, ").append(f.errors()).append(" judge errors. **Mean faithfulness ")
                .append(score(f.mean())).append("**.\n\n| suite | mean faithfulness |\n|---|---|\n");
        f.meanBySuite().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(score(v)).append(" |\n"));
        if (!f.lowest().isEmpty()) {
            md.append("\nLowest-scoring answers:\n\n");
            f.lowest().forEach(j -> md.append("- `").append(j.caseId()).append("` (").append(j.suite()).append(") turn ").append(j.turn())
                    .append(": ").append(score(j.score())).append(j.unsupportedClaims().isEmpty() ? "" : "; unsupported: "
                            + String.join(" / ", j.unsupportedClaims())).append("\n"));
        }
        if (!f.failures().isEmpty()) {
            md.append("\nJudge errors:\n\n");
            f.failures().forEach(j -> md.append("- `").append(j.caseId()).append("` (").append(j.suite()).append(") turn ").append(j.turn())
                    .append(": ").append(j.error()).append("\n"));
        }
        return md.toString();
    }

    static String score(Double v) {
        return v == null || v.isNaN() ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static Map<String, Double> first(Map<String, Double> values, int n) {
        Map<String, Double> out = new LinkedHashMap<>();
        values.entrySet().stream().limit(n).forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String failures(CaseResult c) {
        List<String> all = new ArrayList<>();
        if (c.error() != null) {
            all.add(c.error());
        }
        for (int i = 0; i < c.turns().size(); i++) {
            for (String f : c.turns().get(i).failures()) {
                all.add("turn " + (i + 1) + ": " + f);
            }
        }
        return String.join("; ", all);
    }

    private static String format(Map<String, Double> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((k, v) -> parts.add(k + " " + pct(v)));
        return String.join(", ", parts);
    }

    public static String html(Report r) {
        Metrics m = r.metrics();
        StringBuilder h = new StringBuilder("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evaluation run ")
                .append(r.runId()).append("</title><style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                        + ".ok{color:#17693a}.bad{color:#b3261e;font-weight:bold}h2{margin-top:2em}code{background:#f4f4f4;padding:0 3px}"
                        + "details{margin:.3em 0}</style></head><body>");
        h.append("<h1>Evaluation run</h1><p>").append(esc(r.runId().toString())).append(" &middot; target <b>").append(esc(r.target()))
                .append("</b> (").append(esc(r.model())).append(") &middot; ").append(r.repeat()).append(" repetition(s), concurrency ")
                .append(r.concurrency()).append(" &middot; ").append(esc(r.startedAt().toString())).append("</p>");
        h.append("<p class=\"").append(r.passed() ? "ok" : "bad").append("\">").append(r.passed() ? "PASSED" : "FAILED").append("</p>");
        h.append("<h2>Gates</h2><table><tr><th>gate</th><th>scope</th><th>threshold</th><th>actual</th></tr>");
        for (Gate g : r.gates()) {
            h.append("<tr><td>").append(esc(g.name())).append("</td><td>").append(esc(g.scope())).append("</td><td>").append(pct(g.threshold()))
                    .append("</td><td class=\"").append(g.passed() ? "ok" : "bad").append("\">").append(pct(g.actual())).append("</td></tr>");
        }
        h.append("</table><h2>Metrics</h2><pre>").append(esc(markdown(r).replaceAll("(?s).*?(\\| metric.*?)\\n\\n.*", "$1"))).append("</pre>");
        h.append("<h2>Pass rate per tag</h2>").append(bars(m.passRateByTag()));
        h.append("<h2>Pass rate per suite</h2>").append(bars(m.passRateBySuite()));
        h.append("<h2>Risk levels</h2><p>Rows: expected level; columns: the gate's level. A red row outside the first column is a missed red.</p>")
                .append(confusion(m.riskConfusion()));
        h.append("<h2>Latency per turn</h2>").append(histogram(m.latenciesMs()));
        h.append(datasetsHtml(r)).append(faithfulnessHtml(r.faithfulness()));
        h.append("<h2>Cases</h2>");
        for (CaseResult c : r.cases()) {
            h.append("<details><summary class=\"").append(c.passed() ? "ok" : "bad").append("\">").append(esc(c.id())).append(" &middot; ")
                    .append(esc(c.suite())).append(" &middot; ").append(c.passed() ? "pass" : "FAIL").append("</summary>");
            if (!c.passed()) {
                h.append("<p class=\"bad\">").append(esc(failures(c))).append("</p>");
            }
            for (EvalResults.TurnResult t : c.turns()) {
                h.append("<p><b>Customer:</b> ").append(esc(t.say())).append("<br><b>Assistant</b> (").append(esc(t.risk())).append(", ")
                        .append(esc(String.join(", ", t.reasons()))).append("): ").append(esc(t.answer())).append("</p>");
            }
            h.append("</details>");
        }
        return h.append("</body></html>").toString();
    }

    private static String datasetsHtml(Report r) {
        if (r.datasets() == null || r.datasets().isEmpty()) {
            return "";
        }
        StringBuilder h = new StringBuilder("<h2>Dataset suites</h2>");
        for (DatasetResult d : r.datasets()) {
            boolean measured = d.status().equals(DatasetResult.MEASURED);
            h.append("<h3>").append(esc(d.suite())).append(" <small class=\"").append(measured ? "ok" : "bad").append("\">").append(esc(d.status()))
                    .append("</small></h3><p>").append(esc(d.note())).append("</p>");
            if (!measured) {
                continue;
            }
            h.append("<table><tr><th>metric</th><th>value</th></tr>");
            d.metrics().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td>").append(pct(v)).append("</td></tr>"));
            h.append("</table>");
            d.breakdowns().forEach((k, v) -> h.append("<h4>").append(esc(capitalised(k))).append("</h4>").append(bars(first(v, BREAKDOWN_ROWS), k.contains("accuracy"))));
            if (!d.examples().isEmpty()) {
                h.append("<details><summary>Examples (").append(d.examples().size()).append(")</summary><ul>");
                d.examples().forEach(e -> h.append("<li>").append(esc(e)).append("</li>"));
                h.append("</ul></details>");
            }
        }
        return h.toString();
    }

    private static String faithfulnessHtml(Faithfulness f) {
        if (f == null) {
            return "<h2>Faithfulness</h2><p>Not measured: no judge model is configured (eval.judge.base-url).</p>";
        }
        StringBuilder h = new StringBuilder("<h2>Faithfulness (LLM judge)</h2><p>Judge <code>").append(esc(f.model())).append("</code>, prompt <code>")
                .append(esc(f.prompt())).append("</code>: ").append(f.judged()).append(" cited answers judged, ").append(f.errors())
                .append(" judge errors. Mean faithfulness <b>").append(score(f.mean())).append("</b>.</p>").append(bars(f.meanBySuite()));
        if (!f.lowest().isEmpty()) {
            h.append("<h3>Lowest-scoring answers</h3><table><tr><th>case</th><th>suite</th><th>turn</th><th>score</th><th>question</th>"
                    + "<th>unsupported claims</th></tr>");
            f.lowest().forEach(j -> h.append("<tr><td>").append(esc(j.caseId())).append("</td><td>").append(esc(j.suite())).append("</td><td>")
                    .append(j.turn()).append("</td><td>").append(score(j.score())).append("</td><td>").append(esc(j.question())).append("</td><td>")
                    .append(esc(String.join(" / ", j.unsupportedClaims()))).append("</td></tr>"));
            h.append("</table>");
        }
        if (!f.failures().isEmpty()) {
            h.append("<details><summary class=\"bad\">Judge errors (").append(f.failures().size()).append(")</summary><ul>");
            f.failures().forEach(j -> h.append("<li>").append(esc(j.caseId())).append(" turn ").append(j.turn()).append(": ").append(esc(j.error()))
                    .append("</li>"));
            h.append("</ul></details>");
        }
        return h.toString();
    }

    private static String bars(Map<String, Double> values) {
        return bars(values, true);
    }

    /** One bar per value; graded bars are coloured as pass rates are judged, others (shares of a whole) are plain. */
    private static String bars(Map<String, Double> values, boolean graded) {
        int rowHeight = 22;
        int label = Math.min(360, Math.max(200, values.keySet().stream().mapToInt(String::length).max().orElse(0) * 7));
        int width = 680 - label;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"")
                .append(values.size() * rowHeight + 10).append("\" role=\"img\">");
        int y = 5;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            double v = Double.isNaN(e.getValue()) ? 0 : e.getValue();
            String colour = !graded ? "#1565c0" : v >= 0.95 ? "#2e7d32" : v >= 0.85 ? "#f9a825" : "#c62828";
            svg.append("<text x=\"0\" y=\"").append(y + 15).append("\" font-size=\"12\">").append(esc(e.getKey())).append("</text>")
                    .append("<rect x=\"").append(label).append("\" y=\"").append(y + 3).append("\" width=\"").append((int) (v * width))
                    .append("\" height=\"16\" fill=\"").append(colour).append("\"/><text x=\"").append(690).append("\" y=\"").append(y + 15)
                    .append("\" font-size=\"12\">").append(pct(e.getValue())).append("</text>");
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static String confusion(EvalResults.Confusion c) {
        StringBuilder t = new StringBuilder("<table><tr><th>expected \\ scored</th>");
        c.levels().forEach(l -> t.append("<th>").append(l).append("</th>"));
        t.append("</tr>");
        for (int i = 0; i < c.levels().size(); i++) {
            t.append("<tr><th>").append(c.levels().get(i)).append("</th>");
            for (int j = 0; j < c.levels().size(); j++) {
                long n = c.counts()[i][j];
                String bg = i == j ? "#e8f5e9" : n == 0 ? "#fff" : i == 0 ? "#ffcdd2" : "#fff8e1";
                t.append("<td style=\"background:").append(bg).append("\">").append(n).append("</td>");
            }
            t.append("</tr>");
        }
        return t.append("</table>").toString();
    }

    private static String histogram(List<Long> latencies) {
        if (latencies.isEmpty()) {
            return "<p>No turns.</p>";
        }
        long max = latencies.get(latencies.size() - 1);
        int buckets = 20;
        double width = Math.max(1, max / (double) buckets);
        int[] counts = new int[buckets];
        for (long l : latencies) {
            counts[Math.min(buckets - 1, (int) (l / width))]++;
        }
        int top = java.util.Arrays.stream(counts).max().orElse(1);
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"200\" role=\"img\">");
        for (int i = 0; i < buckets; i++) {
            int h = (int) (150.0 * counts[i] / top);
            svg.append("<rect x=\"").append(10 + i * 36).append("\" y=\"").append(160 - h).append("\" width=\"30\" height=\"").append(h)
                    .append("\" fill=\"#1565c0\"><title>").append(counts[i]).append(" turns</title></rect>");
            if (i % 4 == 0) {
                svg.append("<text x=\"").append(10 + i * 36).append("\" y=\"180\" font-size=\"11\">").append((long) (i * width)).append(" ms</text>");
            }
        }
        return svg.append("</svg>").toString();
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

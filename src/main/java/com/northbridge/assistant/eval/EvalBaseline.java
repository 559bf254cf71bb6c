package com.northbridge.assistant.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * What a target passed last time it was accepted: every case's verdict and the headline metrics, small enough
 * to commit ({@code evals/baseline/offline-engine.json}), with the gates it did not meet yet. CI holds each run
 * to it: a case that passed must still pass, no headline metric may fall and no gate that was met may fail,
 * also while a suite is still below its own threshold. A change that
 * makes cases pass writes a new baseline with {@code eval --save-baseline FILE}; the diff shows what moved.
 */
public record EvalBaseline(String target, String model, Map<String, Boolean> cases, Map<String, Double> metrics, List<String> unmetGates) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Metrics measured on a few hundred cases move by one case at a time; smaller differences are rounding. */
    private static final double TOLERANCE = 1e-9;

    public static EvalBaseline of(EvalResults.Report report) {
        Map<String, Boolean> cases = new TreeMap<>();
        // A case repeated N times passes only when every repetition does.
        report.cases().forEach(c -> cases.merge(c.suite() + "/" + c.id(), c.passed(), Boolean::logicalAnd));
        Map<String, Double> metrics = new TreeMap<>();
        EvalResults.Metrics m = report.metrics();
        metrics.put("pass-rate", m.passRate());
        metrics.put("intent-accuracy", m.intentAccuracy());
        metrics.put("resolution-rate", m.resolutionRate());
        metrics.put("red-recall", m.redRecall());
        metrics.put("tool-recall", m.toolRecall());
        List<String> unmet = report.gates().stream().filter(g -> !g.passed()).map(g -> g.scope() + "/" + g.name()).sorted().toList();
        return new EvalBaseline(report.target(), report.model(), cases, metrics, unmet);
    }

    public static EvalBaseline read(Path file) {
        try {
            return JSON.readValue(file.toFile(), EvalBaseline.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the baseline " + file, e);
        }
    }

    public void write(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            JSON.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the baseline " + file, e);
        }
    }

    /**
     * What got worse from this baseline to {@code now}: cases that passed and fail (or are gone), metrics that
     * fell, gates that were met and are not.
     */
    public List<String> regressions(EvalBaseline now) {
        List<String> worse = new ArrayList<>();
        cases.forEach((id, passed) -> {
            Boolean current = now.cases().get(id);
            if (passed && current == null) {
                worse.add(id + ": passed in the baseline, missing from this run");
            } else if (passed && !current) {
                worse.add(id + ": passed in the baseline, fails now");
            }
        });
        metrics.forEach((name, was) -> {
            Double is = now.metrics().get(name);
            if (is != null && is < was - TOLERANCE) {
                worse.add("%s fell from %.1f %% to %.1f %%".formatted(name, was * 100, is * 100));
            }
        });
        now.unmetGates().stream().filter(g -> !unmetGates.contains(g)).forEach(g -> worse.add("gate " + g + " was met in the baseline and is not now"));
        return worse;
    }
}

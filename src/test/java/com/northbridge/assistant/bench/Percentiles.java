package com.northbridge.assistant.bench;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Nearest-rank percentiles of measured times, as the benchmarks report them. */
public final class Percentiles {

    private Percentiles() {
    }

    /** p50, p95 and p99; empty when nothing was measured. */
    public static Map<String, Double> of(Collection<Double> values) {
        Map<String, Double> p = new LinkedHashMap<>();
        if (!values.isEmpty()) {
            p.put("p50", at(values, 50));
            p.put("p95", at(values, 95));
            p.put("p99", at(values, 99));
        }
        return p;
    }

    public static double at(Collection<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }
}

package com.northbridge.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalBaselineTest {

    private static EvalBaseline baseline(Map<String, Boolean> cases, double passRate, List<String> unmet) {
        return new EvalBaseline("offline", "offline-engine-1", cases, Map.of("pass-rate", passRate, "red-recall", 1.0), unmet);
    }

    @Test
    void a_case_that_passed_and_fails_a_metric_that_fell_and_a_gate_that_broke_are_regressions() {
        EvalBaseline before = baseline(Map.of("a/1", true, "a/2", false, "a/3", true), 2 / 3.0, List.of("a/pass-rate"));
        EvalBaseline after = baseline(Map.of("a/1", false, "a/2", true, "a/3", true), 2 / 3.0, List.of("a/pass-rate", "business/red-recall"));
        assertThat(before.regressions(after)).containsExactlyInAnyOrder(
                "a/1: passed in the baseline, fails now",
                "gate business/red-recall was met in the baseline and is not now");
    }

    @Test
    void improvements_and_a_missing_case_that_failed_before_are_not_regressions_but_a_vanished_pass_is() {
        EvalBaseline before = baseline(Map.of("a/1", false, "a/2", true), 0.5, List.of("a/pass-rate"));
        assertThat(before.regressions(baseline(Map.of("a/2", true), 1.0, List.of()))).isEmpty();
        assertThat(before.regressions(baseline(Map.of("a/1", true), 0.5, List.of())))
                .containsExactly("a/2: passed in the baseline, missing from this run");
        assertThat(before.regressions(baseline(Map.of("a/1", false, "a/2", true), 0.4, List.of("a/pass-rate"))))
                .containsExactly("pass-rate fell from 50.0 % to 40.0 %");
    }

    @Test
    void survives_a_round_trip_through_its_file(@TempDir Path dir) {
        EvalBaseline b = baseline(Map.of("a/1", true), 1.0, List.of());
        Path file = dir.resolve("nested/baseline.json");
        b.write(file);
        assertThat(Files.exists(file)).isTrue();
        assertThat(EvalBaseline.read(file)).isEqualTo(b);
    }
}

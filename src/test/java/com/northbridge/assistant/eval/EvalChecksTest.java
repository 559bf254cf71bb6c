package com.northbridge.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.northbridge.assistant.eval.EvalResults.CaseResult;
import com.northbridge.assistant.eval.EvalResults.ObservedTool;
import com.northbridge.assistant.eval.EvalResults.TurnResult;

/** What counts as meeting an expectation, and how two runs compare. */
class EvalChecksTest {

    private static EvalSuite.Expect expect(String risk, List<EvalSuite.ToolCall> tools, List<String> mustMatch) {
        return new EvalSuite.Expect(null, risk, List.of("fund_operation"), tools, null, true, List.of(), mustMatch, List.of(), null, null, null);
    }

    private static TurnResult turn(EvalSuite.Expect e, String risk, List<ObservedTool> tools, boolean caseOpened, String answer) {
        return new TurnResult("say", answer, "transfer", risk, List.of("fund_operation"), tools, caseOpened, false, false, false, List.of(), List.of(),
                10, 0, 0, "m", List.of(), e, null);
    }

    @Test
    void arguments_match_as_a_subset_with_numbers_by_value_and_text_ignoring_case_and_spaces() {
        assertThat(EvalRunner.subset(Map.of("amount", 5000, "payeeName", "Li Lei"), Map.of("amount", 5000.00, "payeeName", "li lei", "currency", "CNY")))
                .isTrue();
        assertThat(EvalRunner.subset(Map.of("amount", 5000), Map.of("amount", "5000.0"))).isTrue();
        assertThat(EvalRunner.subset(Map.of("amount", 5000), Map.of("amount", 500))).isFalse();
        assertThat(EvalRunner.subset(Map.of("fields", Map.of("residentId", "X")), Map.of("fields", Map.of("residentId", "x", "mobile", "1")))).isTrue();
        assertThat(EvalRunner.subset(Map.of("form", "loan_application"), Map.of())).isFalse();
    }

    @Test
    void every_unmet_expectation_is_reported_in_words() {
        EvalSuite.Expect e = expect("red", List.of(new EvalSuite.ToolCall("request_transfer", Map.of("amount", 5000))), List.of("(?i)review"));
        assertThat(EvalRunner.check(e, turn(e, "red", List.of(new ObservedTool("request_transfer", Map.of("amount", 5000), false)), true,
                "Waiting for review"))).isEmpty();
        List<String> failures = EvalRunner.check(e, turn(e, "yellow", List.of(), false, "Sent!"));
        assertThat(failures).hasSize(4).anyMatch(f -> f.contains("risk yellow")).anyMatch(f -> f.contains("not called"))
                .anyMatch(f -> f.contains("no review case")).anyMatch(f -> f.contains("does not match"));
    }

    @Test
    void a_comparison_lists_regressions_and_improvements_case_by_case() {
        EvalSuite.Expect e = expect("red", List.of(), List.of());
        TurnResult good = turn(e, "red", List.of(), true, "ok");
        TurnResult bad = new TurnResult("say", "x", "transfer", "blue", List.of(), List.of(), false, false, false, false, List.of(), List.of(), 1, 0, 0,
                "m", List.of("risk blue, expected red"), e, null);
        EvalResults.Report before = report(List.of(new CaseResult("s", "a", List.of(), "en", 1, true, List.of(good), 0, null),
                new CaseResult("s", "b", List.of(), "en", 1, false, List.of(bad), 0, null)));
        EvalResults.Report after = report(List.of(new CaseResult("s", "a", List.of(), "en", 1, false, List.of(bad), 0, null),
                new CaseResult("s", "b", List.of(), "en", 1, true, List.of(good), 0, null)));
        EvalComparison c = EvalComparison.of(before, after);
        assertThat(c.regressions()).extracting(EvalComparison.Change::caseId).containsExactly("a");
        assertThat(c.improvements()).extracting(EvalComparison.Change::caseId).containsExactly("b");
        assertThat(c.describe()).contains("risk blue, expected red");
    }

    private static EvalResults.Report report(List<CaseResult> cases) {
        EvalMetrics m = new EvalMetrics(cases);
        return new EvalResults.Report(UUID.randomUUID(), Instant.now(), Instant.now(), "offline", "m", "prompts", List.of(), List.of("s"), 1, 1,
                m.summary(), List.of(), true, cases, List.of(), null);
    }
}

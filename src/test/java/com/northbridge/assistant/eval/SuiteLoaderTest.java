package com.northbridge.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed suites are refused with the file, the line and the field at fault. */
class SuiteLoaderTest {

    @TempDir
    Path dir;

    private static final String GOOD = """
            suite: %s
            thresholds:
              pass-rate: 0.9
            cases:
              - id: case-1
                tags: [x]
                language: en
                customer: c001
                turns:
                  - say: "hello"
                    expect:
                      %s
            """;

    private Path write(String name, String expect) throws Exception {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, GOOD.formatted(name, expect));
        return f;
    }

    @Test
    void every_suite_in_the_repository_loads() {
        List<EvalSuite> suites = SuiteLoader.loadAll(Path.of("evals/suites"), List.of());
        assertThat(suites).isNotEmpty();
        assertThat(suites.stream().flatMap(s -> s.cases().stream()).filter(c -> c.language().equals("zh")).count())
                .isGreaterThan(suites.stream().mapToLong(s -> s.cases().size()).sum() * 2 / 5);
    }

    @Test
    void a_good_suite_loads_with_its_expectations() throws Exception {
        EvalSuite s = SuiteLoader.load(write("good", "tools: [{name: request_transfer, args: {amount: 5000}}]"));
        assertThat(s.cases().get(0).turns().get(0).expect().tools().get(0).args()).isEqualTo(Map.of("amount", 5000));
        assertThat(s.thresholds()).containsEntry("pass-rate", 0.9);
    }

    @Test
    void a_wrong_value_names_the_line_and_field() throws Exception {
        assertThatThrownBy(() -> SuiteLoader.load(write("bad-risk", "risk: purple")))
                .isInstanceOfSatisfying(SuiteLoader.MalformedSuite.class, e -> {
                    assertThat(e.line()).isBetween(12, 14);
                    assertThat(e.field()).isEqualTo("cases[0].turns[0].expect");
                    assertThat(e.getMessage()).contains("bad-risk.yaml").contains("risk is red, yellow or blue");
                });
    }

    @Test
    void unknown_keys_tools_and_regexes_are_refused() throws Exception {
        assertThatThrownBy(() -> SuiteLoader.load(write("bad-key", "colour: red"))).hasMessageContaining("colour")
                .isInstanceOfSatisfying(SuiteLoader.MalformedSuite.class, e -> assertThat(e.line()).isPositive());
        assertThatThrownBy(() -> SuiteLoader.load(write("bad-tool", "tools: [{name: wire_money}]"))).hasMessageContaining("tool name");
        assertThatThrownBy(() -> SuiteLoader.load(write("bad-regex", "must-match: ['(unclosed']"))).hasMessageContaining("not a regular expression");
        assertThatThrownBy(() -> SuiteLoader.load(write("bad-empty", "{}"))).hasMessageContaining("at least one expectation");
    }

    @Test
    void the_suite_id_must_be_the_file_name_and_case_ids_unique_across_suites() throws Exception {
        Path f = dir.resolve("named.yaml");
        Files.writeString(f, GOOD.formatted("other", "risk: red"));
        assertThatThrownBy(() -> SuiteLoader.load(f)).hasMessageContaining("equal the file name");
        write("one", "risk: red");
        write("two", "risk: blue");
        assertThatThrownBy(() -> SuiteLoader.loadAll(dir.resolve("."), List.of("one", "two"))).hasMessageContaining("case-1").hasMessageContaining("also used");
        assertThatThrownBy(() -> SuiteLoader.loadAll(dir, List.of("missing"))).hasMessageContaining("no such suite");
    }
}

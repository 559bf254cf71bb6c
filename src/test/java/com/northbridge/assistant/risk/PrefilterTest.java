package com.northbridge.assistant.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The prefilter may skip a rule only when the rule cannot match: it must never cost a detection. */
class PrefilterTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '~', value = {
            "abc~abc",
            "abc|def~abc;def",
            "\\bignore (?:all )?previous~ignore",
            "[a-z]+ment~ment",
            "(?<!x)abc(?=d)~abc",
            "a.*bcd~bcd",
            "(?:x)?yz~yz;xyz",
            "忽略(?:之前|上述)的?指令~忽略之前;忽略上述",
            "(?:ab|cd)ef~abef;cdef",
            "\\[system\\]~[system]",
            "(?:ab){2,}~ab",
    })
    void finds_the_literals_every_match_contains(String regex, String literals) {
        assertThat(RequiredLiterals.of(regex)).hasValue(Set.of(literals.split(";")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\w+", "a?", "abc|", "(?:abc)*", "(?i)abc", "a\\1"})
    void requires_nothing_when_a_match_may_contain_no_literal_or_the_syntax_is_unknown(String regex) {
        assertThat(RequiredLiterals.of(regex)).isEmpty();
    }

    @Test
    void every_rule_that_matches_is_among_the_candidates() throws IOException {
        List<Pattern> patterns = new ArrayList<>(InjectionDetector.patterns());
        for (List<Rule> rules : List.of(ThirdPartyRequests.IMPERSONATION, ThirdPartyRequests.OTHER_CUSTOMER_DATA,
                ScamCues.AUTHORITY_PRESSURE, ScamCues.FRAUD_REPORT, AccountChanges.CONTACT_CHANGE,
                AccountChanges.CREDENTIAL_CHANGE, AccountChanges.IDENTITY_VERIFICATION, AdviceRequests.PRODUCT_ADVICE)) {
            rules.forEach(rule -> patterns.add(rule.pattern()));
        }
        Prefilter set = Prefilter.of(patterns);
        List<String> missed = new ArrayList<>();
        int matches = 0;
        for (String text : corpus()) {
            String line = NormalisedText.of(text).flat();
            BitSet candidates = set.candidates(line);
            for (int i = 0; i < patterns.size(); i++) {
                if (patterns.get(i).matcher(line).find()) {
                    matches++;
                    if (!candidates.get(i)) {
                        missed.add("rule " + i + " on: " + text);
                    }
                }
            }
        }
        assertThat(matches).as("the corpus exercises the rules").isGreaterThan(100);
        assertThat(missed).isEmpty();
    }

    @Test
    void almost_every_rule_has_a_literal_to_wait_for() {
        assertThat(Prefilter.of(InjectionDetector.patterns()).alwaysRun()).isZero();
        assertThat(Optional.of(Prefilter.of(ScamCues.FRAUD_REPORT.stream().map(Rule::pattern).toList()).alwaysRun())).hasValue(0);
    }

    /** Every message written in the tests of this package, and the evaluation questions. */
    private static List<String> corpus() throws IOException {
        List<String> texts = new ArrayList<>();
        Pattern quoted = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        try (Stream<Path> files = Files.list(Path.of("src/test/java/com/northbridge/assistant/risk"))) {
            for (Path file : files.filter(f -> f.toString().endsWith("Test.java")).toList()) {
                var m = quoted.matcher(Files.readString(file));
                while (m.find()) {
                    String s = m.group(1).replace("\\\"", "\"");
                    texts.add(s.contains("|") ? s.substring(s.indexOf('|') + 1) : s);
                }
            }
        }
        try (Stream<Path> files = Files.list(Path.of("evals/retrieval"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.strip().startsWith("question:")) {
                        texts.add(line.strip().substring("question:".length()).strip());
                    }
                }
            }
        }
        return texts;
    }
}

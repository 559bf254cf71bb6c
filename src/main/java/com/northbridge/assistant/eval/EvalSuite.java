package com.northbridge.assistant.eval;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A prompt-evaluation suite as written in evals/suites/*.yaml (documented by evals/suite.schema.json).
 * The compact constructors check what the schema cannot say precisely enough; a failure there reaches the
 * engineer as the file, line and field at fault (see {@link SuiteLoader}).
 */
public record EvalSuite(String suite, String description, Map<String, Double> thresholds, List<Case> cases) {

    public static final List<String> THRESHOLDS = List.of("pass-rate", "red-recall", "intent-accuracy", "resolution-rate");
    static final List<String> LEVELS = List.of("red", "yellow", "blue");
    static final List<String> TOOLS = List.of("lookup_balance", "validate_form", "check_transfer_risk", "request_transfer");
    static final List<String> INTENTS = List.of("balance", "transfer", "form_help", "product_question", "complaint", "handoff", "greeting",
            "out_of_scope");

    public EvalSuite {
        require(suite != null && suite.matches("[a-z0-9-]+"), "suite is a lower-case id such as transfers");
        require(cases != null && !cases.isEmpty(), "a suite needs at least one case");
        thresholds = thresholds == null ? Map.of() : thresholds;
        for (Map.Entry<String, Double> t : thresholds.entrySet()) {
            require(THRESHOLDS.contains(t.getKey()), "unknown threshold " + t.getKey() + "; known: " + THRESHOLDS);
            require(t.getValue() != null && t.getValue() >= 0 && t.getValue() <= 1, "threshold " + t.getKey() + " is a share between 0 and 1");
        }
    }

    public record Case(String id, List<String> tags, String language, String customer, List<Turn> turns) {
        public Case {
            require(id != null && id.matches("[a-z0-9][a-z0-9-]*"), "id is lower-case letters, digits and hyphens");
            require("en".equals(language) || "zh".equals(language), "language is en or zh");
            require(customer != null && customer.matches("c0(0[1-9]|1[0-9]|2[0-4])"), "customer is a demo customer c001 to c024");
            require(turns != null && !turns.isEmpty(), "a case needs at least one turn");
            tags = tags == null ? List.of() : tags;
        }
    }

    public record Turn(String say, Expect expect) {
        public Turn {
            require(say != null && !say.isBlank(), "say is the customer's message and cannot be empty");
            require(expect != null && !expect.isEmpty(), "every turn needs at least one expectation");
        }
    }

    public record ToolCall(String name, Map<String, Object> args) {
        public ToolCall {
            require(TOOLS.contains(name), "tool name must be one of " + TOOLS);
            args = args == null ? Map.of() : args;
        }
    }

    public record Expect(String intent, String risk, List<String> reasons, List<ToolCall> tools, @JsonProperty("no-tools") Boolean noTools,
                         @JsonProperty("review-case") Boolean reviewCase, List<String> cites, @JsonProperty("must-match") List<String> mustMatch,
                         @JsonProperty("must-not-match") List<String> mustNotMatch, Boolean refusal, Boolean handoff, Boolean answerable) {
        public Expect {
            require(intent == null || INTENTS.contains(intent), "intent must be one of " + INTENTS);
            require(risk == null || LEVELS.contains(risk), "risk is red, yellow or blue");
            reasons = reasons == null ? List.of() : reasons;
            for (String r : reasons) {
                try {
                    com.northbridge.assistant.risk.RiskReason.fromCode(r);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown reason " + r);
                }
            }
            tools = tools == null ? List.of() : tools;
            require(!(Boolean.TRUE.equals(noTools) && !tools.isEmpty()), "no-tools cannot go with tools");
            cites = cites == null ? List.of() : cites;
            mustMatch = mustMatch == null ? List.of() : mustMatch;
            mustNotMatch = mustNotMatch == null ? List.of() : mustNotMatch;
            for (String regex : concat(mustMatch, mustNotMatch)) {
                try {
                    java.util.regex.Pattern.compile(regex);
                } catch (java.util.regex.PatternSyntaxException e) {
                    throw new IllegalArgumentException("not a regular expression: " + regex + " (" + e.getDescription() + ")");
                }
            }
        }

        boolean isEmpty() {
            return intent == null && risk == null && reasons.isEmpty() && tools.isEmpty() && noTools == null && reviewCase == null && cites.isEmpty()
                    && mustMatch.isEmpty() && mustNotMatch.isEmpty() && refusal == null && handoff == null && answerable == null;
        }

        private static List<String> concat(List<String> a, List<String> b) {
            List<String> all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}

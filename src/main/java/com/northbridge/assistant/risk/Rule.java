package com.northbridge.assistant.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** One pattern of a signal, and when its match does not count (null: always counts). */
record Rule(Pattern pattern, Predicate<String> unless) {

    static List<Rule> all(Pattern... patterns) {
        return all(null, patterns);
    }

    /** Patterns that share an exception: "unless the message is a question about the rules". */
    static List<Rule> all(Predicate<String> unless, Pattern... patterns) {
        List<Rule> rules = new ArrayList<>();
        for (Pattern pattern : patterns) {
            rules.add(new Rule(pattern, unless));
        }
        return List.copyOf(rules);
    }

    @SafeVarargs
    static List<Rule> concat(List<Rule>... lists) {
        List<Rule> rules = new ArrayList<>();
        for (List<Rule> list : lists) {
            rules.addAll(list);
        }
        return List.copyOf(rules);
    }
}

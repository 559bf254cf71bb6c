package com.northbridge.assistant.risk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which of a list of patterns could match a text, found without running them: one pass of an Aho-Corasick
 * automaton over the text finds which patterns' {@link RequiredLiterals} occur. Only those (and the few
 * without a required literal) need their regex run; on an ordinary question that is a handful of regexes
 * instead of a hundred.
 */
final class Prefilter {

    /** Rules that have no required literal and always run. */
    private final BitSet always = new BitSet();
    private final Automaton automaton;

    private Prefilter(List<Pattern> patterns) {
        Map<String, BitSet> rulesByLiteral = new HashMap<>();
        for (int i = 0; i < patterns.size(); i++) {
            Optional<Set<String>> literals = RequiredLiterals.of(patterns.get(i).pattern());
            if (literals.isEmpty()) {
                always.set(i);
                continue;
            }
            for (String literal : literals.get()) {
                rulesByLiteral.computeIfAbsent(literal, k -> new BitSet()).set(i);
            }
        }
        this.automaton = new Automaton(rulesByLiteral);
    }

    static Prefilter of(List<Pattern> patterns) {
        return new Prefilter(patterns);
    }

    /** The rules that could match the text, by index: all others certainly do not. */
    BitSet candidates(String text) {
        BitSet candidates = automaton.scan(text);
        candidates.or(always);
        return candidates;
    }

    /** How many rules have no required literal and so always run: kept low for speed. */
    int alwaysRun() {
        return always.cardinality();
    }

    /**
     * Multi-string search over chars: goto transitions, failure links, and the rules each state completes.
     * Built with maps, then frozen into sorted arrays so a scan allocates nothing but its result.
     */
    private static final class Automaton {

        private final char[][] keys;
        private final int[][] targets;
        private final int[] fail;
        private final BitSet[] output;
        /** Most text is ASCII and most of a scan sits at the root: a direct table there. */
        private static final int ROOT_TABLE = 128;
        private final int[] root = new int[ROOT_TABLE];

        Automaton(Map<String, BitSet> rulesByLiteral) {
            List<Map<Character, Integer>> next = new ArrayList<>();
            List<BitSet> out = new ArrayList<>();
            next.add(new HashMap<>());
            out.add(new BitSet());
            rulesByLiteral.forEach((literal, rules) -> {
                int state = 0;
                for (int i = 0; i < literal.length(); i++) {
                    Integer to = next.get(state).get(literal.charAt(i));
                    if (to == null) {
                        to = next.size();
                        next.add(new HashMap<>());
                        out.add(new BitSet());
                        next.get(state).put(literal.charAt(i), to);
                    }
                    state = to;
                }
                out.get(state).or(rules);
            });
            int states = next.size();
            keys = new char[states][];
            targets = new int[states][];
            for (int s = 0; s < states; s++) {
                List<Character> sorted = new ArrayList<>(next.get(s).keySet());
                sorted.sort(null);
                keys[s] = new char[sorted.size()];
                targets[s] = new int[sorted.size()];
                for (int k = 0; k < sorted.size(); k++) {
                    keys[s][k] = sorted.get(k);
                    targets[s][k] = next.get(s).get(sorted.get(k));
                }
            }
            for (char c = 0; c < ROOT_TABLE; c++) {
                int k = Arrays.binarySearch(keys[0], c);
                root[c] = k >= 0 ? targets[0][k] : -1;
            }
            fail = new int[states];
            Queue<Integer> queue = new ArrayDeque<>(next.get(0).values());
            while (!queue.isEmpty()) {
                int state = queue.remove();
                for (int k = 0; k < keys[state].length; k++) {
                    int child = targets[state][k];
                    int f = state == 0 ? -1 : fail[state];
                    int target = 0;
                    while (f >= 0) {
                        int t = step(f, keys[state][k]);
                        if (t >= 0) {
                            target = t;
                            break;
                        }
                        f = f == 0 ? -1 : fail[f];
                    }
                    fail[child] = target;
                    out.get(child).or(out.get(target));
                    queue.add(child);
                }
            }
            output = new BitSet[states];
            for (int s = 0; s < states; s++) {
                output[s] = out.get(s).isEmpty() ? null : out.get(s);
            }
        }

        private int step(int state, char c) {
            if (state == 0 && c < ROOT_TABLE) {
                return root[c];
            }
            int k = Arrays.binarySearch(keys[state], c);
            return k >= 0 ? targets[state][k] : -1;
        }

        BitSet scan(String text) {
            BitSet found = new BitSet();
            int state = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                int to = step(state, c);
                while (to < 0 && state != 0) {
                    state = fail[state];
                    to = step(state, c);
                }
                state = Math.max(to, 0);
                if (output[state] != null) {
                    found.or(output[state]);
                }
            }
            return found;
        }
    }
}

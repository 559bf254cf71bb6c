package com.northbridge.assistant.risk;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The literal strings one of which occurs in every text a regular expression matches ("ignore", "disregard",
 * ... for the override rule). A text that contains none of them cannot match, so the regex need not run:
 * that is what keeps a few hundred rules at microseconds per message. Worked out from the pattern itself,
 * so a rule cannot drift from its prefilter; anything this reader does not understand gives "no literal
 * required", which only costs speed, never a missed match.
 */
final class RequiredLiterals {

    /** Beyond this many combinations a sequence is not worth spelling out. */
    private static final int PRODUCT_LIMIT = 1024;
    /** Beyond this many alternatives the prefilter would cost more than it saves. */
    private static final int UNION_LIMIT = 8192;
    /** A literal this selective is as good as a longer one: six Latin letters or three Han characters. */
    private static final int SELECTIVE = 6;

    /**
     * What a piece of pattern matches: {@code exact} is every string it can match (null when unbounded) and
     * {@code some} the literals one of which any match contains (null when none is required).
     */
    private record Info(Set<String> exact, Set<String> some) {

        static final Info ANY = new Info(null, null);
        static final Info EMPTY = new Info(Set.of(""), null);

        Set<String> required() {
            Set<String> whole = exact == null || exact.contains("") ? null : exact;
            return better(whole, some);
        }
    }

    private final String regex;
    private int pos;

    private RequiredLiterals(String regex) {
        this.regex = regex;
    }

    /** Empty when the pattern may match without any literal, or uses syntax this reader does not know. */
    static Optional<Set<String>> of(String regex) {
        try {
            RequiredLiterals reader = new RequiredLiterals(regex);
            Info info = reader.alternation();
            if (reader.pos != regex.length()) {
                return Optional.empty();
            }
            return Optional.ofNullable(info.required());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private Info alternation() {
        Info first = sequence();
        if (pos >= regex.length() || regex.charAt(pos) != '|') {
            return first;
        }
        Set<String> exact = first.exact() == null ? null : new LinkedHashSet<>(first.exact());
        Set<String> some = first.required() == null ? null : new LinkedHashSet<>(first.required());
        while (pos < regex.length() && regex.charAt(pos) == '|') {
            pos++;
            Info next = sequence();
            exact = exact == null || next.exact() == null ? null : union(exact, next.exact());
            some = some == null || next.required() == null ? null : union(some, next.required());
        }
        return new Info(exact, some);
    }

    private Info sequence() {
        Set<String> whole = Set.of("");   // product of all parts, while every part is exact
        Set<String> run = Set.of("");     // product of the current stretch of exact parts
        Set<String> best = null;
        while (pos < regex.length() && regex.charAt(pos) != '|' && regex.charAt(pos) != ')') {
            Info part = quantified(atom());
            if (part.exact() != null) {
                whole = whole == null ? null : product(whole, part.exact());
                Set<String> run0 = nonEmpty(run);
                if (run0 != null && selectivity(run0) >= SELECTIVE) {
                    // Selective enough already: longer literals only multiply the combinations.
                    best = better(best, run0);
                    run = part.exact();
                    continue;
                }
                Set<String> longer = product(run, part.exact());
                if (longer == null) { // too many combinations: keep what we had, start again from this part
                    best = better(best, run0);
                    run = part.exact();
                } else {
                    run = longer;
                }
            } else {
                whole = null;
                best = better(best, nonEmpty(run));
                run = Set.of("");
                best = better(best, part.required());
            }
        }
        best = better(best, nonEmpty(run));
        return new Info(whole, best);
    }

    private Info quantified(Info atom) {
        if (pos >= regex.length()) {
            return atom;
        }
        char c = regex.charAt(pos);
        int min;
        int max;
        if (c == '?' || c == '*' || c == '+') {
            pos++;
            min = c == '+' ? 1 : 0;
            max = c == '?' ? 1 : Integer.MAX_VALUE;
        } else if (c == '{' && pos + 1 < regex.length() && Character.isDigit(regex.charAt(pos + 1))) {
            int close = regex.indexOf('}', pos);
            String[] bounds = regex.substring(pos + 1, close).split(",", -1);
            min = Integer.parseInt(bounds[0]);
            max = bounds.length == 1 ? min : bounds[1].isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(bounds[1]);
            pos = close + 1;
        } else {
            return atom;
        }
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++; // lazy or possessive: the same strings
        }
        if (min == 1 && max == 1) {
            return atom;
        }
        if (min == 0) {
            return max == 1 && atom.exact() != null ? new Info(union(Set.of(""), atom.exact()), null) : Info.ANY;
        }
        return new Info(null, atom.required()); // at least once
    }

    private Info atom() {
        char c = regex.charAt(pos);
        switch (c) {
            case '(' -> {
                pos++;
                boolean lookaround = false;
                if (regex.startsWith("?:", pos)) {
                    pos += 2;
                } else if (regex.startsWith("?=", pos) || regex.startsWith("?!", pos)) {
                    pos += 2;
                    lookaround = true;
                } else if (regex.startsWith("?<=", pos) || regex.startsWith("?<!", pos)) {
                    pos += 3;
                    lookaround = true;
                } else if (c == '(' && pos < regex.length() && regex.charAt(pos) == '?') {
                    throw new IllegalArgumentException("unsupported group at " + pos);
                }
                Info inner = alternation();
                expect(')');
                return lookaround ? Info.EMPTY : inner;
            }
            case '[' -> {
                skipClass();
                return Info.ANY;
            }
            case '.' -> {
                pos++;
                return Info.ANY;
            }
            case '^', '$' -> {
                pos++;
                return Info.EMPTY;
            }
            case '\\' -> {
                return escape();
            }
            case '*', '+', '?', '{', ')', '|' -> throw new IllegalArgumentException("unexpected " + c + " at " + pos);
            default -> {
                int cp = regex.codePointAt(pos);
                pos += Character.charCount(cp);
                return new Info(Set.of(new String(Character.toChars(cp))), null);
            }
        }
    }

    private Info escape() {
        char e = regex.charAt(pos + 1);
        pos += 2;
        return switch (e) {
            case 'b', 'B', 'A', 'z', 'Z', 'G' -> Info.EMPTY;
            case 's', 'S', 'w', 'W', 'd', 'D', 'h', 'H', 'v', 'V', 'R', 'X' -> Info.ANY;
            case 'p', 'P' -> {
                if (pos < regex.length() && regex.charAt(pos) == '{') {
                    pos = regex.indexOf('}', pos) + 1;
                } else {
                    pos++;
                }
                yield Info.ANY;
            }
            case 'n' -> new Info(Set.of("\n"), null);
            case 't' -> new Info(Set.of("\t"), null);
            case 'r' -> new Info(Set.of("\r"), null);
            case 'f' -> new Info(Set.of("\f"), null);
            case 'u', 'x', 'Q', 'E', 'k', 'c', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' ->
                    throw new IllegalArgumentException("unsupported escape \\" + e);
            default -> {
                if (Character.isLetterOrDigit(e)) {
                    throw new IllegalArgumentException("unsupported escape \\" + e);
                }
                yield new Info(Set.of(String.valueOf(e)), null);
            }
        };
    }

    private void skipClass() {
        pos++; // [
        if (pos < regex.length() && regex.charAt(pos) == '^') {
            pos++;
        }
        if (pos < regex.length() && regex.charAt(pos) == ']') {
            pos++;
        }
        int depth = 1;
        while (depth > 0) {
            char c = regex.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            pos++;
        }
    }

    private void expect(char c) {
        if (pos >= regex.length() || regex.charAt(pos) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + pos);
        }
        pos++;
    }

    private static Set<String> nonEmpty(Set<String> run) {
        return run == null || run.contains("") ? null : run;
    }

    /**
     * The more useful of two requirements: the one whose weakest literal is more selective (up to
     * {@link #SELECTIVE}), then the one with fewer literals.
     */
    private static Set<String> better(Set<String> a, Set<String> b) {
        if (b == null || b.contains("")) {
            return a;
        }
        if (a == null) {
            return b;
        }
        int sa = selectivity(a);
        int sb = selectivity(b);
        if (sa != sb) {
            return sa > sb ? a : b;
        }
        return a.size() <= b.size() ? a : b;
    }

    private static int selectivity(Set<String> set) {
        int weakest = Integer.MAX_VALUE;
        for (String s : set) {
            int weight = 0;
            for (int i = 0; i < s.length() && weight < SELECTIVE; i++) {
                weight += s.charAt(i) >= 0x2E80 ? 2 : 1; // a Han character says as much as two letters
            }
            weakest = Math.min(weakest, Math.min(weight, SELECTIVE));
        }
        return weakest;
    }

    private static Set<String> product(Set<String> left, Set<String> right) {
        if ((long) left.size() * right.size() > PRODUCT_LIMIT) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String l : left) {
            for (String r : right) {
                out.add(l + r);
            }
        }
        return out;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        if (a.size() + b.size() > UNION_LIMIT) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        return out;
    }
}

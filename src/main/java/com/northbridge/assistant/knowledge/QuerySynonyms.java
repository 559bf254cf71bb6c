package com.northbridge.assistant.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.northbridge.assistant.text.Language;

/**
 * Customers' words for what the documents call otherwise ("bank goes bust" for deposit insurance, "text
 * code" for the SMS one-time code), read from {@code knowledge/query-synonyms.txt}. A rule is one line,
 * {@code customer phrase, ... => document term, ...}; when a query holds one of the customer phrases (English
 * as whole words, Chinese as a substring) the document terms are searched as keywords too. One-directional on
 * purpose: a document's own word never expands into a customer's.
 */
public final class QuerySynonyms {

    static final String RESOURCE = "knowledge/query-synonyms.txt";

    /** {@code phrases}: one pattern for all of a rule's customer phrases, so a query costs one search per rule. */
    private record Rule(Pattern phrases, List<String> terms) {
    }

    private final List<Rule> rules;

    private QuerySynonyms(List<Rule> rules) {
        this.rules = rules;
    }

    /** The list the service ships with. */
    public static QuerySynonyms bundled() {
        try (InputStream in = QuerySynonyms.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The query synonym list " + RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
        }
    }

    /** Parses a synonym list; a malformed line fails with its source and line number. */
    static QuerySynonyms parse(String text, String source) {
        List<Rule> rules = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int number = 1; number <= lines.size(); number++) {
            String content = lines.get(number - 1).strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            String[] sides = content.split("=>", -1);
            if (sides.length != 2) {
                throw new IllegalArgumentException(source + " line " + number + ": a rule is 'customer phrases => document terms', with one '=>'");
            }
            List<String> phrases = items(sides[0]);
            List<String> terms = items(sides[1]);
            if (phrases.isEmpty() || terms.isEmpty()) {
                throw new IllegalArgumentException(source + " line " + number + ": both sides of '=>' need at least one phrase");
            }
            rules.add(new Rule(pattern(phrases), terms));
        }
        return new QuerySynonyms(List.copyOf(rules));
    }

    /** The document terms that the query's customer phrases stand for, each once, in rule order. */
    public List<String> expansions(String query) {
        String text = normalize(query);
        Set<String> terms = new LinkedHashSet<>();
        for (Rule rule : rules) {
            if (rule.phrases().matcher(text).find()) {
                terms.addAll(rule.terms());
            }
        }
        return List.copyOf(terms);
    }

    public int size() {
        return rules.size();
    }

    private static List<String> items(String side) {
        return Arrays.stream(side.split("[,，]")).map(QuerySynonyms::normalize).filter(s -> !s.isEmpty()).toList();
    }

    /** A Chinese phrase matches anywhere; an English one only as whole words, so "card" never fires inside "cardigan". */
    private static Pattern pattern(List<String> phrases) {
        return Pattern.compile(phrases.stream().map(phrase -> {
            String quoted = Pattern.quote(phrase);
            return phrase.codePoints().anyMatch(Language::isHan) ? quoted : "(?<![\\p{L}\\p{N}])" + quoted + "(?![\\p{L}\\p{N}])";
        }).collect(java.util.stream.Collectors.joining("|")));
    }

    private static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}

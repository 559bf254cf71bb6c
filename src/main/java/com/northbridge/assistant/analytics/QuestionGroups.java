package com.northbridge.assistant.analytics;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.northbridge.assistant.text.KeywordTokenizer;

/**
 * Groups customers' questions that ask the same thing in (nearly) the same words. Two steps, both easy to
 * explain to a reader of the chart: questions that are identical once lower-cased and stripped of
 * punctuation and spacing are one question; then a question joins an earlier, more frequent group when at
 * least half of their keywords are shared (Jaccard ≥ 0.5 over the keyword index's terms: Chinese character
 * bigrams, English word stems without stop words). No embeddings, so a paraphrase in other words stays apart.
 */
public final class QuestionGroups {

    /** One group: the most frequent wording, how often the group was asked, and up to three other wordings. */
    public record Group(String question, long count, List<String> variants) {
    }

    static final double MIN_SHARED = 0.5;

    private QuestionGroups() {
    }

    /** Lower case, compatibility forms (full-width letters and digits), no punctuation, single spaces. */
    static String normalise(String question) {
        String text = Normalizer.normalize(question == null ? "" : question, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static double shared(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return (double) both.size() / (a.size() + b.size() - both.size());
    }

    /** The {@code limit} largest groups of {@code questions}, largest first (ties: the question asked first). */
    public static List<Group> of(List<String> questions, int limit) {
        // Identical after normalisation: one entry, counted, with the first wording seen.
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, String> wording = new LinkedHashMap<>();
        for (String q : questions) {
            String key = normalise(q);
            if (key.isEmpty()) {
                continue;
            }
            counts.computeIfAbsent(key, k -> new long[1])[0]++;
            wording.putIfAbsent(key, q.strip());
        }
        List<String> keys = new ArrayList<>(counts.keySet());
        keys.sort((x, y) -> Long.compare(counts.get(y)[0], counts.get(x)[0])); // stable: first asked wins ties

        final class Building {
            final Set<String> terms;
            final String question;
            long count;
            final List<String> variants = new ArrayList<>();

            Building(Set<String> terms, String question) {
                this.terms = terms;
                this.question = question;
            }
        }
        List<Building> groups = new ArrayList<>();
        for (String key : keys) {
            Set<String> terms = new HashSet<>(KeywordTokenizer.terms(key));
            Building home = null;
            for (Building g : groups) {
                if (shared(g.terms, terms) >= MIN_SHARED) {
                    home = g;
                    break;
                }
            }
            if (home == null) {
                home = new Building(terms, wording.get(key));
                groups.add(home);
            } else if (home.variants.size() < 3) {
                home.variants.add(wording.get(key));
            }
            home.count += counts.get(key)[0];
        }
        return groups.stream().sorted((x, y) -> Long.compare(y.count, x.count)).limit(limit)
                .map(g -> new Group(g.question, g.count, List.copyOf(g.variants))).toList();
    }
}

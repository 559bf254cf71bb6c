package com.northbridge.assistant.knowledge;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.northbridge.assistant.text.KeywordTokenizer;

/**
 * The keyword index in terms of our own tokenizer: a passage's entries (a PostgreSQL tsvector literal and
 * each term's BM25 weight) and a query's terms. Lexemes are quoted so that PostgreSQL stores them as they
 * are instead of running its parser, which does not segment Chinese, over them.
 */
final class KeywordIndex {

    private KeywordIndex() {
    }

    /** BM25's k1 (term-frequency saturation) and b (length normalisation). */
    static final double K1 = 1.2;
    static final double B = 0.75;
    /**
     * The average passage length in terms that weights are normalised against. A constant (our corpus
     * averages 76 terms, the STARD laws about as many) so that a weight never has to be recomputed when
     * other passages arrive.
     */
    static final double AVERAGE_TERMS = 80;

    /** A tsvector literal, each term's BM25 weight in the passage, and the number of terms. */
    record Indexed(String tsvector, Map<String, Double> weights, int termCount) {
    }

    /** Title and heading terms get weight A, body terms the default weight D. */
    static Indexed tsvector(String title, List<String> headings, String body) {
        Map<String, StringBuilder> positions = new LinkedHashMap<>();
        int position = 1;
        for (String term : KeywordTokenizer.terms(title + " " + String.join(" ", headings))) {
            append(positions, term, position++, "A");
        }
        for (String term : KeywordTokenizer.terms(body)) {
            append(positions, term, Math.min(position++, 16383), "");
        }
        StringBuilder sb = new StringBuilder();
        positions.forEach((term, pos) -> sb.append(quote(term)).append(':').append(pos).append(' '));
        int length = position - 1;
        Map<String, Double> weights = new LinkedHashMap<>();
        positions.forEach((term, pos) -> {
            long tf = pos.chars().filter(ch -> ch == ',').count() + 1;
            weights.put(term, tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / AVERAGE_TERMS)));
        });
        return new Indexed(sb.toString().strip(), weights, length);
    }

    /** The distinct terms of a query, in order. */
    static List<String> queryTerms(String query) {
        return List.copyOf(new LinkedHashSet<>(KeywordTokenizer.terms(query)));
    }


    private static void append(Map<String, StringBuilder> positions, String term, int position, String weight) {
        StringBuilder pos = positions.computeIfAbsent(term, t -> new StringBuilder());
        if (pos.length() > 0) {
            pos.append(',');
        }
        pos.append(position).append(weight);
    }

    private static String quote(String lexeme) {
        return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}

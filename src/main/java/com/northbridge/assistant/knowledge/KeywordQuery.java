package com.northbridge.assistant.knowledge;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import com.northbridge.assistant.text.KeywordTokenizer;

/**
 * Builds PostgreSQL tsvector and tsquery literals from our own terms. Lexemes are quoted so PostgreSQL
 * stores them as they are instead of running its parser (which does not segment Chinese) over them.
 */
final class KeywordQuery {

    private KeywordQuery() {
    }

    /** A tsvector literal, the term frequencies as a JSON object, and their sum (BM25's document length). */
    record Indexed(String tsvector, String termFrequencies, int termCount) {
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
        StringBuilder json = new StringBuilder("{");
        positions.forEach((term, pos) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(term.replace("\\", "\\\\").replace("\"", "\\\"")).append("\":")
                    .append(pos.chars().filter(ch -> ch == ',').count() + 1);
        });
        return new Indexed(sb.toString().strip(), json.append('}').toString(), position - 1);
    }

    /** The distinct terms of a query, in order. */
    static List<String> queryTerms(String query) {
        return List.copyOf(new LinkedHashSet<>(KeywordTokenizer.terms(query)));
    }

    /** Any of the terms may match (OR). Empty when there is no term. */
    static String anyOf(java.util.Collection<String> terms) {
        return String.join(" | ", terms.stream().map(KeywordQuery::quote).toList());
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

package com.northbridge.assistant.knowledge;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.northbridge.assistant.text.KeywordTokenizer;

/**
 * Builds PostgreSQL tsvector and tsquery literals from our own terms. Lexemes are quoted so PostgreSQL
 * stores them as they are instead of running its parser (which does not segment Chinese) over them.
 */
final class KeywordQuery {

    private KeywordQuery() {
    }

    /** Title and heading terms get weight A, body terms the default weight D. */
    static String tsvector(String title, List<String> headings, String body) {
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
        return sb.toString().strip();
    }

    /** Any term may match (OR); ranking rewards passages that match more of them. Empty when no term. */
    static String tsquery(String query) {
        Set<String> terms = new LinkedHashSet<>(KeywordTokenizer.terms(query));
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

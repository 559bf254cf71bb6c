package com.northbridge.assistant.knowledge;

import java.util.List;

/**
 * Passages for a query, best first. {@code relevant} is false when the best passage falls below the
 * minimum-evidence threshold: callers must then say they do not know rather than answer from the hits.
 */
public record SearchResult(String query, List<SearchHit> hits, boolean relevant, double bestSimilarity) {
}

package com.northbridge.assistant.eval;

import java.util.List;

/**
 * Standard ranking metrics over one ranked list of relevance gains (1 = this result answers the question
 * at a place not already credited, 0 = not), with {@code relevantCount} places that could answer.
 */
public final class RankingMetrics {

    private RankingMetrics() {
    }

    /** 1 when a relevant result stands in the first k. */
    public static double hitAt(List<Integer> gains, int k) {
        return gains.stream().limit(k).anyMatch(g -> g > 0) ? 1 : 0;
    }

    /** 1 / rank of the first relevant result within the first k, 0 when none. */
    public static double reciprocalRank(List<Integer> gains, int k) {
        for (int i = 0; i < Math.min(k, gains.size()); i++) {
            if (gains.get(i) > 0) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    /** Fraction of the relevant places found in the first k. */
    public static double recallAt(List<Integer> gains, int k, int relevantCount) {
        if (relevantCount == 0) {
            return 0;
        }
        return gains.stream().limit(k).mapToInt(Integer::intValue).sum() / (double) relevantCount;
    }

    /** Binary-gain nDCG: log2 discount, ideal ranking puts all relevant places first. */
    public static double ndcgAt(List<Integer> gains, int k, int relevantCount) {
        double dcg = 0;
        for (int i = 0; i < Math.min(k, gains.size()); i++) {
            dcg += gains.get(i) / log2(i + 2);
        }
        double ideal = 0;
        for (int i = 0; i < Math.min(k, relevantCount); i++) {
            ideal += 1 / log2(i + 2);
        }
        return ideal == 0 ? 0 : dcg / ideal;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}

package com.northbridge.assistant.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {

    @Test
    void hit_at_k_sees_only_the_first_k() {
        List<Integer> gains = List.of(0, 0, 1);
        assertThat(RankingMetrics.hitAt(gains, 2)).isZero();
        assertThat(RankingMetrics.hitAt(gains, 3)).isEqualTo(1);
    }

    @Test
    void reciprocal_rank_is_one_over_the_first_relevant_rank() {
        assertThat(RankingMetrics.reciprocalRank(List.of(0, 1, 1), 10)).isEqualTo(0.5);
        assertThat(RankingMetrics.reciprocalRank(List.of(0, 0, 0), 10)).isZero();
        assertThat(RankingMetrics.reciprocalRank(List.of(0, 0, 1), 2)).isZero();
    }

    @Test
    void ndcg_matches_a_hand_computed_ranking() {
        // Relevant at ranks 2 and 3, two relevant places: DCG = 1/log2(3) + 1/log2(4) = 0.6309 + 0.5 = 1.1309;
        // IDCG = 1 + 0.6309 = 1.6309; nDCG = 0.6934.
        assertThat(RankingMetrics.ndcgAt(List.of(0, 1, 1), 10, 2)).isCloseTo(0.6934, within(1e-4));
        assertThat(RankingMetrics.ndcgAt(List.of(1, 1), 10, 2)).isCloseTo(1.0, within(1e-9));
        assertThat(RankingMetrics.ndcgAt(List.of(0, 0), 10, 2)).isZero();
    }

    @Test
    void recall_counts_places_found() {
        assertThat(RankingMetrics.recallAt(List.of(1, 0, 1, 0), 5, 4)).isEqualTo(0.5);
        assertThat(RankingMetrics.recallAt(List.of(1, 0, 1, 0), 2, 4)).isEqualTo(0.25);
    }
}

package com.northbridge.assistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.northbridge.assistant.knowledge.ChunkStore.Candidate;

class HybridFusionTest {

    private final UUID meaning = UUID.randomUUID();
    private final UUID weakA = UUID.randomUUID();
    private final UUID weakB = UUID.randomUUID();
    private final UUID wordsOnly = UUID.randomUUID();

    /** The closest passage in meaning, which no keyword matched, and two weaker ones the keywords did match. */
    private final List<Candidate> byVector = List.of(
            new Candidate(meaning, 0.70), new Candidate(weakA, 0.58), new Candidate(weakB, 0.57));
    private final List<Candidate> byKeyword = List.of(
            new Candidate(weakA, 4.0), new Candidate(weakB, 3.9), new Candidate(wordsOnly, 3.5));

    @Test
    void a_passage_close_in_meaning_is_not_overtaken_by_weak_matches_the_keywords_also_found() {
        Map<UUID, Double> convex = HybridRetriever.convexCombination(byVector, byKeyword, 0.7, 0.5);
        assertThat(ranked(convex).get(0)).isEqualTo(meaning);

        // Rank fusion gives the keyword list's votes regardless of how weak the matches are.
        Map<UUID, Double> rrf = HybridRetriever.reciprocalRankFusion(List.of(byVector, byKeyword), List.of(1.0, 0.5), 20);
        assertThat(ranked(rrf).get(0)).isEqualTo(weakA);
    }

    @Test
    void each_score_is_scaled_from_what_counts_as_no_match_to_the_best_of_the_query() {
        Map<UUID, Double> fused = HybridRetriever.convexCombination(byVector, byKeyword, 0.7, 0.5);
        assertThat(fused.get(meaning)).isCloseTo(0.7, within(1e-9));                          // best similarity, no keywords
        assertThat(fused.get(weakA)).isCloseTo(0.7 * 0.08 / 0.20 + 0.3, within(1e-9));        // best keyword score
        assertThat(fused.get(wordsOnly)).isCloseTo(0.3 * 3.5 / 4.0, within(1e-9));            // keywords only
    }

    @Test
    void similarities_below_the_floor_count_as_no_resemblance_and_never_as_a_penalty() {
        List<Candidate> vectors = List.of(new Candidate(meaning, 0.55), new Candidate(weakA, 0.42));
        Map<UUID, Double> fused = HybridRetriever.convexCombination(vectors, List.of(), 0.7, 0.5);
        assertThat(fused.get(meaning)).isCloseTo(0.7, within(1e-9));
        assertThat(fused.get(weakA)).isZero();
    }

    @Test
    void when_even_the_best_similarity_is_below_the_floor_the_vector_list_keeps_its_order_through_the_tie_break() {
        List<Candidate> vectors = List.of(new Candidate(meaning, 0.45), new Candidate(weakA, 0.40));
        Map<UUID, Double> fused = HybridRetriever.convexCombination(vectors, List.of(), 0.7, 0.5);
        assertThat(fused.values()).containsOnly(0.7);
    }

    private static List<UUID> ranked(Map<UUID, Double> fused) {
        return fused.entrySet().stream().sorted(Map.Entry.<UUID, Double>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey).toList();
    }
}

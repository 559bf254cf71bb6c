package com.northbridge.assistant.eval;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.eval.RetrievalQuestion.Place;
import com.northbridge.assistant.knowledge.HybridRetriever;
import com.northbridge.assistant.knowledge.SearchFilter;
import com.northbridge.assistant.knowledge.SearchHit;
import com.northbridge.assistant.knowledge.SearchMode;
import com.northbridge.assistant.knowledge.SearchResult;
import com.northbridge.assistant.text.Language;

/**
 * Plays retrieval questions against the product's own retriever in each mode and scores the rankings:
 * hit@1, hit@5, MRR@10 and nDCG@10 over answerable questions, and for hybrid how often the minimum-evidence
 * threshold turns away unanswerable questions (and wrongly turns away answerable ones).
 */
@ApplicationScoped
public class RetrievalEvaluation {

    static final int DEPTH = 10;

    /** Scores of one search mode. */
    public record ModeScores(double hitAt1, double hitAt5, double mrr, double ndcgAt10, int questions) {
    }

    /** A question the hybrid mode did not find in its first five results, for people to look at. */
    public record Miss(String id, String question, List<String> expected, List<String> retrieved, int firstExpectedRank) {
    }

    public record Report(Map<SearchMode, ModeScores> modes, Map<String, ModeScores> hybridByLanguage, int answerable, int unanswerable,
                         double unanswerableRejectionRate, double answerableFalseRejectionRate,
                         List<Double> answerableBestSimilarity, List<Double> unanswerableBestSimilarity,
                         /* [best similarity, 1 if Chinese] per question, for setting the evidence thresholds */
                         List<double[]> answerableEvidence, List<double[]> unanswerableEvidence,
                         List<Miss> hybridMisses) {
    }

    private final HybridRetriever retriever;

    public RetrievalEvaluation(HybridRetriever retriever) {
        this.retriever = retriever;
    }

    public Report run(List<RetrievalQuestion> questions) {
        Map<SearchMode, double[]> sums = new EnumMap<>(SearchMode.class);
        Map<String, double[]> byLanguage = new java.util.TreeMap<>();
        List<Miss> misses = new ArrayList<>();
        List<Double> answerableBest = new ArrayList<>();
        List<Double> unanswerableBest = new ArrayList<>();
        List<double[]> answerableEvidence = new ArrayList<>();
        List<double[]> unanswerableEvidence = new ArrayList<>();
        int answerable = 0;
        int unanswerable = 0;
        int rejectedUnanswerable = 0;
        int rejectedAnswerable = 0;
        for (RetrievalQuestion q : questions) {
            // As the chat does: the customer's language picks the documents and the embedding space.
            SearchFilter filter = SearchFilter.language(languageOf(q));
            if (!q.isAnswerable()) {
                unanswerable++;
                SearchResult result = retriever.search(q.question(), DEPTH, filter, SearchMode.HYBRID);
                unanswerableBest.add(result.bestSimilarity());
                unanswerableEvidence.add(new double[] {result.bestSimilarity(), "zh".equals(q.lang()) ? 1 : 0});
                if (!result.relevant()) {
                    rejectedUnanswerable++;
                }
                continue;
            }
            answerable++;
            for (SearchMode mode : SearchMode.values()) {
                SearchResult result = retriever.search(q.question(), DEPTH, filter, mode);
                List<Integer> gains = gains(result.hits(), q.places());
                double[] s = sums.computeIfAbsent(mode, m -> new double[4]);
                s[0] += RankingMetrics.hitAt(gains, 1);
                s[1] += RankingMetrics.hitAt(gains, 5);
                s[2] += RankingMetrics.reciprocalRank(gains, DEPTH);
                s[3] += RankingMetrics.ndcgAt(gains, DEPTH, q.places().size());
                if (mode == SearchMode.HYBRID) {
                    double[] l = byLanguage.computeIfAbsent(q.lang(), x -> new double[5]);
                    l[0] += RankingMetrics.hitAt(gains, 1);
                    l[1] += RankingMetrics.hitAt(gains, 5);
                    l[2] += RankingMetrics.reciprocalRank(gains, DEPTH);
                    l[3] += RankingMetrics.ndcgAt(gains, DEPTH, q.places().size());
                    l[4]++;
                    answerableBest.add(result.bestSimilarity());
                    answerableEvidence.add(new double[] {result.bestSimilarity(), "zh".equals(q.lang()) ? 1 : 0});
                    if (!result.relevant()) {
                        rejectedAnswerable++;
                    }
                    if (RankingMetrics.hitAt(gains, 5) == 0) {
                        misses.add(new Miss(q.id(), q.question(),
                                q.places().stream().map(p -> p.doc() + " § " + p.section()).toList(),
                                result.hits().stream().limit(5).map(h -> h.sourcePath() + " § " + label(h)).toList(),
                                gains.indexOf(1) + 1));
                    }
                }
            }
        }
        Map<SearchMode, ModeScores> modes = new EnumMap<>(SearchMode.class);
        for (Map.Entry<SearchMode, double[]> e : sums.entrySet()) {
            double[] s = e.getValue();
            modes.put(e.getKey(), new ModeScores(s[0] / answerable, s[1] / answerable, s[2] / answerable, s[3] / answerable, answerable));
        }
        Map<String, ModeScores> languages = new java.util.TreeMap<>();
        byLanguage.forEach((lang, l) -> languages.put(lang, new ModeScores(l[0] / l[4], l[1] / l[4], l[2] / l[4], l[3] / l[4], (int) l[4])));
        return new Report(modes, languages, answerable, unanswerable,
                unanswerable == 0 ? 0 : rejectedUnanswerable / (double) unanswerable,
                answerable == 0 ? 0 : rejectedAnswerable / (double) answerable,
                answerableBest, unanswerableBest, answerableEvidence, unanswerableEvidence, misses);
    }

    /**
     * A result gains 1 when it stands at an expected place not yet credited; several passages of one long
     * section count once.
     */
    static List<Integer> gains(List<SearchHit> hits, List<Place> places) {
        List<Integer> gains = new ArrayList<>();
        Set<Integer> credited = new HashSet<>();
        for (SearchHit hit : hits) {
            int gain = 0;
            for (int i = 0; i < places.size(); i++) {
                if (!credited.contains(i) && matches(hit, places.get(i))) {
                    credited.add(i);
                    gain = 1;
                    break;
                }
            }
            gains.add(gain);
        }
        return gains;
    }

    static boolean matches(SearchHit hit, Place place) {
        return matches(hit.sourcePath(), hit.article(), hit.headingPath(), place);
    }

    /** Whether a passage (its document, article and headings) stands at a place. */
    static boolean matches(String sourcePath, String article, List<String> headingPath, Place place) {
        if (!sourcePath.equals(place.doc())) {
            return false;
        }
        if (place.section() == null || place.section().isBlank()) {
            return true;
        }
        String wanted = normalize(place.section());
        if (article != null && normalize(article).equals(wanted)) {
            return true;
        }
        return headingPath.stream().anyMatch(h -> normalize(h).equals(wanted));
    }

    private static String label(SearchHit hit) {
        return hit.article() != null ? hit.article() : String.valueOf(hit.section());
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** Language of a question as the chat would see it. */
    static Language languageOf(RetrievalQuestion q) {
        return Language.fromCode(q.lang()).orElse(Language.detect(q.question()));
    }
}

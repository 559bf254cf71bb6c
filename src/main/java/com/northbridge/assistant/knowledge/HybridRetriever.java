package com.northbridge.assistant.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.text.Language;

/**
 * Finds the passages that answer a query: nearest neighbours of the query embedding (HNSW, cosine) and
 * keyword matches (our own CJK-aware terms in a tsvector, GIN, ranked by BM25), fused by adding their scaled scores
 * (or by reciprocal rank fusion: {@code knowledge.search.fusion}). The best
 * cosine similarity decides whether there is evidence at all.
 */
@ApplicationScoped
public class HybridRetriever {

    private final LanguageEmbeddings embeddings;
    private final ChunkStore chunks;
    private final KeywordStatistics statistics;
    private final KnowledgeConfig.Search settings;
    private final QuerySynonyms synonyms;

    public HybridRetriever(LanguageEmbeddings embeddings, ChunkStore chunks, KeywordStatistics statistics, KnowledgeConfig config) {
        this.embeddings = embeddings;
        this.chunks = chunks;
        this.statistics = statistics;
        this.settings = config.search();
        this.synonyms = QuerySynonyms.bundled();
    }

    public SearchResult search(String query, int k, SearchFilter filter) {
        return search(query, k, filter, SearchMode.HYBRID);
    }

    public SearchResult search(String query, int k, SearchFilter filter, SearchMode mode) {
        return search(query, null, k, filter, mode);
    }

    /** As {@link #search(String, int, SearchFilter, SearchMode)} with the query already embedded (null: embed it here). */
    public SearchResult search(String query, float[] queryVector, int k, SearchFilter filter, SearchMode mode) {
        int candidates = Math.max(settings.candidates(), k);
        List<ChunkStore.Candidate> byVector = List.of();
        List<ChunkStore.Candidate> byKeyword = List.of();
        // A query is compared only with passages of its own embedding space: its language's.
        Language space = filter.language().orElseGet(() -> Language.detect(query));
        if (mode != SearchMode.KEYWORD) {
            byVector = chunks.nearest(queryVector == null ? embeddings.query(space, query) : queryVector, candidates,
                    space, filter.kinds(), searchBreadth(space));
        }
        if (mode != SearchMode.VECTOR) {
            byKeyword = keywordSearch(query, candidates, filter.withLanguage(Optional.of(space)));
        }
        Map<UUID, Double> similarity = new HashMap<>();
        byVector.forEach(c -> similarity.put(c.id(), c.score()));

        Map<UUID, Double> fused = switch (mode) {
            case VECTOR -> scores(byVector);
            case KEYWORD -> scores(byKeyword);
            case HYBRID -> settings.fusion() == KnowledgeConfig.Search.Fusion.CONVEX
                    ? convexCombination(byVector, byKeyword, settings.vectorWeight(), settings.similarityFloor())
                    : reciprocalRankFusion(List.of(byVector, byKeyword), List.of(1.0, settings.keywordWeight()), settings.rrfK());
        };
        // Ties (one list each way) go to the passage closer in meaning.
        List<UUID> top = fused.keySet().stream()
                .sorted(java.util.Comparator.comparing((UUID id) -> fused.get(id)).reversed()
                        .thenComparing(id -> -similarity.getOrDefault(id, 0.0)))
                .limit(k).toList();
        Map<UUID, ChunkStore.Passage> passages = chunks.passages(top);
        List<SearchHit> hits = new ArrayList<>();
        for (UUID id : top) {
            ChunkStore.Passage passage = passages.get(id);
            if (passage != null) {
                hits.add(SearchHit.of(passage, fused.get(id), similarity.get(id)));
            }
        }
        double best = byVector.isEmpty() ? 0 : byVector.get(0).score();
        boolean relevant = mode == SearchMode.KEYWORD ? !hits.isEmpty() : best >= minSimilarity(space);
        return new SearchResult(query, hits, relevant && !hits.isEmpty(), best);
    }

    /** How wide the language's HNSW graph is searched: wider once the graph is large (see KnowledgeConfig). */
    public int searchBreadth(Language language) {
        return statistics.current().passages(language) >= settings.largeCorpusFrom() ? settings.largeCorpusEfSearch() : settings.efSearch();
    }

    /** The two embedding spaces score on different scales, so each language has its own threshold. */
    private double minSimilarity(Language language) {
        return language == Language.ZH ? settings.minSimilarityZh() : settings.minSimilarityEn();    }

    /** Postings read per query term; see {@link ChunkStore#bm25}. */
    private static final int POSTINGS_PER_TERM = 300;

    private List<ChunkStore.Candidate> keywordSearch(String query, int limit, SearchFilter filter) {
        KeywordStatistics.Snapshot stats = statistics.current();
        List<String> terms = new ArrayList<>(KeywordIndex.queryTerms(query).stream().filter(t -> stats.frequency(t) > 0).toList());
        int own = terms.size();
        if (settings.synonymWeight() > 0) {
            KeywordIndex.queryTerms(String.join(" ", synonyms.expansions(query))).stream()
                    .filter(t -> stats.frequency(t) > 0 && !terms.contains(t)).forEach(terms::add);
        }
        double[] idf = new double[terms.size()];
        for (int i = 0; i < idf.length; i++) {
            // A document term the customer did not type counts for less than one they did.
            idf[i] = stats.idf(terms.get(i)) * (i < own ? 1 : settings.synonymWeight());
        }
        return chunks.bm25(terms, idf, POSTINGS_PER_TERM, limit, filter);
    }

    /** Each list votes weight/(k + rank) for its items; items found by both methods rise. */
    static Map<UUID, Double> reciprocalRankFusion(List<List<ChunkStore.Candidate>> rankings, List<Double> weights, int k) {
        Map<UUID, Double> fused = new LinkedHashMap<>();
        for (int list = 0; list < rankings.size(); list++) {
            List<ChunkStore.Candidate> ranking = rankings.get(list);
            for (int rank = 0; rank < ranking.size(); rank++) {
                fused.merge(ranking.get(rank).id(), weights.get(list) / (k + rank + 1), Double::sum);
            }
        }
        return fused;
    }

    /**
     * Each method's score scaled to 0..1 (from what counts as no match, the similarity floor or a BM25 of 0,
     * to the best score of the query) and added with the weights; a passage one method did not return
     * scores 0 there. Unlike rank fusion this keeps how sure each method was: a passage close in meaning is
     * not overtaken by weak keyword matches just because they also stand somewhere in the vector list.
     */
    static Map<UUID, Double> convexCombination(List<ChunkStore.Candidate> byVector, List<ChunkStore.Candidate> byKeyword,
                                               double vectorWeight, double similarityFloor) {
        Map<UUID, Double> fused = new LinkedHashMap<>();
        addScaled(fused, byVector, vectorWeight, similarityFloor);
        addScaled(fused, byKeyword, 1 - vectorWeight, 0);
        return fused;
    }

    private static void addScaled(Map<UUID, Double> fused, List<ChunkStore.Candidate> ranking, double weight, double floor) {
        double best = ranking.stream().mapToDouble(ChunkStore.Candidate::score).max().orElse(floor);
        for (ChunkStore.Candidate c : ranking) {
            double scaled = best > floor ? Math.max(0, (c.score() - floor) / (best - floor)) : 1;
            fused.merge(c.id(), weight * scaled, Double::sum);
        }
    }

    private static Map<UUID, Double> scores(List<ChunkStore.Candidate> ranking) {
        Map<UUID, Double> scores = new LinkedHashMap<>();
        ranking.forEach(c -> scores.put(c.id(), c.score()));
        return scores;
    }
}

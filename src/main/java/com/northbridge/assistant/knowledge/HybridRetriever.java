package com.northbridge.assistant.knowledge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.model.embedding.EmbeddingModel;

/**
 * Finds the passages that answer a query: nearest neighbours of the query embedding (HNSW, cosine) and
 * keyword matches (our own CJK-aware terms in a tsvector, GIN), fused by reciprocal rank fusion. The best
 * cosine similarity decides whether there is evidence at all.
 */
@ApplicationScoped
public class HybridRetriever {

    private final EmbeddingModel embeddingModel;
    private final ChunkStore chunks;
    private final KnowledgeConfig.Search settings;
    private final String queryInstruction;

    public HybridRetriever(EmbeddingModel embeddingModel, ChunkStore chunks, KnowledgeConfig config) {
        this.embeddingModel = embeddingModel;
        this.chunks = chunks;
        this.settings = config.search();
        this.queryInstruction = config.embedding().queryInstruction().orElse("");
    }

    public SearchResult search(String query, int k, SearchFilter filter) {
        return search(query, k, filter, SearchMode.HYBRID);
    }

    public SearchResult search(String query, int k, SearchFilter filter, SearchMode mode) {
        int candidates = Math.max(settings.candidates(), k);
        List<ChunkStore.Candidate> byVector = List.of();
        List<ChunkStore.Candidate> byKeyword = List.of();
        if (mode != SearchMode.KEYWORD) {
            byVector = chunks.nearest(embedQuery(query), candidates, filter);
        }
        if (mode != SearchMode.VECTOR) {
            byKeyword = chunks.keywordMatches(KeywordQuery.tsquery(query), candidates, filter);
        }
        Map<UUID, Double> similarity = new HashMap<>();
        byVector.forEach(c -> similarity.put(c.id(), c.score()));

        Map<UUID, Double> fused = switch (mode) {
            case VECTOR -> scores(byVector);
            case KEYWORD -> scores(byKeyword);
            case HYBRID -> reciprocalRankFusion(List.of(byVector, byKeyword), settings.rrfK());
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
        boolean relevant = mode == SearchMode.KEYWORD ? !hits.isEmpty() : best >= settings.minSimilarity();
        return new SearchResult(query, hits, relevant && !hits.isEmpty(), best);
    }

    float[] embedQuery(String query) {
        return embeddingModel.embed(queryInstruction + query).content().vector();
    }

    /** Each list votes 1/(k + rank) for its items; items found by both methods rise. */
    static Map<UUID, Double> reciprocalRankFusion(List<List<ChunkStore.Candidate>> rankings, int k) {
        Map<UUID, Double> fused = new LinkedHashMap<>();
        for (List<ChunkStore.Candidate> ranking : rankings) {
            for (int rank = 0; rank < ranking.size(); rank++) {
                fused.merge(ranking.get(rank).id(), 1.0 / (k + rank + 1), Double::sum);
            }
        }
        return fused;
    }

    private static Map<UUID, Double> scores(List<ChunkStore.Candidate> ranking) {
        Map<UUID, Double> scores = new LinkedHashMap<>();
        ranking.forEach(c -> scores.put(c.id(), c.score()));
        return scores;
    }
}

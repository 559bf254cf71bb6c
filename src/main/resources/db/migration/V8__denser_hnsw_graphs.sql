-- Denser HNSW graphs (m 16 -> 24, ef_construction 64 -> 128). At 100k passages the default graphs found 0.90 of
-- the exact ten nearest at the service's ef_search of 100, these 0.94, at the same latency; searched 300 wide
-- (knowledge.search.ef-search) they reach 0.99 (bench/results/search.json). Building costs about twice as long,
-- which matters only for bulk loads.
DROP INDEX IF EXISTS knowledge_chunk_embedding_zh_idx;
DROP INDEX IF EXISTS knowledge_chunk_embedding_en_idx;
CREATE INDEX knowledge_chunk_embedding_zh_idx ON knowledge_chunk
    USING hnsw ((embedding::halfvec(${embedding-dimension})) halfvec_cosine_ops) WITH (m = 24, ef_construction = 128)
    WHERE language = 'zh';
CREATE INDEX knowledge_chunk_embedding_en_idx ON knowledge_chunk
    USING hnsw ((embedding::halfvec(${embedding-dimension})) halfvec_cosine_ops) WITH (m = 24, ef_construction = 128)
    WHERE language = 'en';

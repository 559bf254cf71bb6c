-- Passage vectors are stored at half precision, the precision the HNSW graphs already searched at (V1, V8).
-- Every distance the service computes was already a half-precision one; what changes is what an exact
-- scan costs. A full-precision vector of 512 dimensions (2 KB) pushed each row over PostgreSQL's TOAST
-- threshold, and a scan cast every row to halfvec: when the planner chose an exact scan over the graph
-- (10k passages searched 200 wide or more) it took 55 ms. Half the bytes, no cast, rows that stay inline:
-- exact scans of a mid-sized corpus become cheap, so the graph can be searched wide enough for a recall of
-- 0.99 (knowledge.search.ef-search) without a slow plan at any size. Writing a passage also writes less.
DROP INDEX IF EXISTS knowledge_chunk_embedding_zh_idx;
DROP INDEX IF EXISTS knowledge_chunk_embedding_en_idx;
ALTER TABLE knowledge_chunk
    ALTER COLUMN embedding TYPE halfvec(${embedding-dimension}) USING embedding::halfvec(${embedding-dimension});
CREATE INDEX knowledge_chunk_embedding_zh_idx ON knowledge_chunk
    USING hnsw (embedding halfvec_cosine_ops) WITH (m = 24, ef_construction = 128) WHERE language = 'zh';
CREATE INDEX knowledge_chunk_embedding_en_idx ON knowledge_chunk
    USING hnsw (embedding halfvec_cosine_ops) WITH (m = 24, ef_construction = 128) WHERE language = 'en';

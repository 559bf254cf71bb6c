-- The knowledge base: one row per source file, one per citable passage.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE knowledge_document (
    id              uuid PRIMARY KEY,
    source_path     text        NOT NULL UNIQUE,
    title           text        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('product', 'regulation', 'faq')),
    language        text        NOT NULL CHECK (language IN ('zh', 'en')),
    media_type      text        NOT NULL,
    effective_date  date,
    version         text,
    content_sha256  char(64)    NOT NULL,
    -- Which parser, chunker, tokenizer and embedding models made the passages: a change re-ingests.
    pipeline        text        NOT NULL,
    size_bytes      bigint      NOT NULL,
    ingested_at     timestamptz NOT NULL
);

CREATE TABLE knowledge_chunk (
    id            uuid PRIMARY KEY,
    document_id   uuid    NOT NULL REFERENCES knowledge_document (id) ON DELETE CASCADE,
    ordinal       int     NOT NULL,
    -- Stable across re-ingestion of an unchanged section: a hash of path, headings, article and part.
    citation_id   text    NOT NULL UNIQUE,
    heading_path  text[]  NOT NULL,
    article       text,
    content       text    NOT NULL,
    -- Copied from the document so that filtered searches need no join.
    kind          text    NOT NULL,
    language      text    NOT NULL,
    embedding     vector(${embedding-dimension}) NOT NULL,
    -- Built by the application (CJK bigrams, stemmed words): PostgreSQL's parsers do not segment Chinese.
    keywords      tsvector NOT NULL,
    -- Number of keyword terms (BM25's passage length).
    term_count    int      NOT NULL,
    UNIQUE (document_id, ordinal)
);

-- One HNSW graph per language: each language has its own embedding model, so vectors of different
-- languages are never compared, and a filtered search needs no post-filtering. The graphs index the vectors
-- at half precision: half the memory, so a large index stays in PostgreSQL's buffers (the stored vectors,
-- and exact comparisons, keep full precision).
CREATE INDEX knowledge_chunk_embedding_zh_idx ON knowledge_chunk
    USING hnsw ((embedding::halfvec(${embedding-dimension})) halfvec_cosine_ops) WHERE language = 'zh';
CREATE INDEX knowledge_chunk_embedding_en_idx ON knowledge_chunk
    USING hnsw ((embedding::halfvec(${embedding-dimension})) halfvec_cosine_ops) WHERE language = 'en';
CREATE INDEX knowledge_chunk_keywords_idx ON knowledge_chunk USING gin (keywords);
CREATE INDEX knowledge_chunk_filter_idx ON knowledge_chunk (kind, language);

-- BM25 postings: one row per term and passage with the term's BM25 weight in that passage (idf left out:
-- it is per term and applied at query time). A query reads only the strongest postings of each of its
-- terms through the index, however many passages contain the term; scanning every passage that contains
-- a common term cost hundreds of milliseconds at 100k passages.
CREATE TABLE knowledge_term (
    term      text    NOT NULL,
    chunk_id  uuid    NOT NULL REFERENCES knowledge_chunk (id) ON DELETE CASCADE,
    language  text    NOT NULL,
    kind      text    NOT NULL,
    weight    real    NOT NULL,
    PRIMARY KEY (term, chunk_id)
);
-- Covering, so reading a term's strongest postings touches the index only.
CREATE INDEX knowledge_term_top_idx ON knowledge_term (term, language, weight DESC) INCLUDE (chunk_id);
CREATE INDEX knowledge_term_chunk_idx ON knowledge_term (chunk_id);

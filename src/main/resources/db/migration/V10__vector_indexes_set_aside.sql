-- A bulk load (a first ingestion, a re-ingestion of most of the corpus) drops the HNSW graphs, writes the
-- passages and builds the graphs again, as pgvector advises for loading: building a graph over 557 passages
-- took 0.14 s, inserting them one by one into the graphs 0.7-1.0 s of PostgreSQL's time. While a graph is
-- dropped its definition waits here, so that a load cut short (a crash, a stopped service) is finished at
-- the next start-up instead of leaving a language without its graph (knowledge/VectorIndexes).
CREATE TABLE knowledge_index_set_aside (
    name         text        PRIMARY KEY,
    definition   text        NOT NULL,
    set_aside_at timestamptz NOT NULL DEFAULT now()
);

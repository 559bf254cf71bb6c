-- Writing a passage's postings (sixty or so rows per passage) was the largest part of PostgreSQL's work in an
-- ingestion: 35k postings of knowledge-docs/ took 0.38 s to COPY, 0.18 s without the foreign key (a check
-- per row) and 0.12 s without the primary key as well. Neither earned its cost: the postings of a passage are
-- written in the same transaction as the passage, by one method (ChunkStore.insert), from a map of distinct
-- terms, so they can neither point nowhere nor repeat a term; and nothing reads a posting by (term, passage).
-- What the foreign key's cascade did, removing the postings of removed passages, a statement trigger now does
-- with one DELETE per statement instead of one per passage.
ALTER TABLE knowledge_term DROP CONSTRAINT knowledge_term_chunk_id_fkey;
ALTER TABLE knowledge_term DROP CONSTRAINT knowledge_term_pkey;

CREATE FUNCTION knowledge_term_remove_postings() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM knowledge_term t USING removed r WHERE t.chunk_id = r.id;
    RETURN NULL;
END
$$;

CREATE TRIGGER knowledge_chunk_removed AFTER DELETE ON knowledge_chunk
    REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION knowledge_term_remove_postings();

-- A TRUNCATE of knowledge_chunk must name knowledge_term too (TRUNCATE knowledge_term, knowledge_chunk, ...):
-- the DELETE trigger does not fire on TRUNCATE, and a TRUNCATE trigger could not truncate a table that the same
-- statement truncates.

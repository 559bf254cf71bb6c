package com.northbridge.assistant.knowledge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of ingestion, embedding and search; defaults are the embedded, offline set-up. */
@ConfigMapping(prefix = "knowledge")
public interface KnowledgeConfig {

    Ingestion ingestion();

    Embedding embedding();

    Search search();

    interface Ingestion {
        /** Folder scanned at start-up and by the command-line mode; its first-level folders name the kind. */
        @WithDefault("knowledge-docs")
        Path docsDir();

        @WithDefault("true")
        boolean scanOnStartup();

        /** Larger files are rejected before they are read. */
        @WithDefault("20M")
        MemorySize maxFileSize();

        /** Characters of extracted text after which a file counts as a decompression bomb. */
        @WithDefault("2000000")
        int maxTextLength();

        /** Tika's limit on output characters per compressed input byte (zip bombs). */
        @WithDefault("100")
        long maxCompressionRatio();

        /** Tika's limit on XML element nesting (nesting bombs). */
        @WithDefault("100")
        int maxNestingDepth();

        /** A chunk holds at most about this many model tokens; a longer article is split at sentence ends. */
        @WithDefault("380")
        int maxChunkTokens();

        /**
         * A scan that writes at least this many files, and at least as many as it leaves in place, is a bulk
         * load: the HNSW graphs are dropped while it writes and built again after it (VectorIndexes).
         */
        @WithDefault("10")
        int bulkLoadFrom();

        /** PostgreSQL's maintenance_work_mem while the graphs are built: a graph that does not fit is built on disk. */
        @WithDefault("256M")
        MemorySize indexBuildMemory();
    }

    interface Embedding {
        /** {@code onnx}: in-process BGE models (no network); {@code openai}: any OpenAI-compatible endpoint. */
        @WithDefault("onnx")
        Provider provider();

        /** Must match the model; the vector column is created with it (Flyway placeholder). */
        @WithDefault("512")
        int dimension();

        Optional<String> baseUrl();

        Optional<String> apiKey();

        @WithDefault("text-embedding-3-small")
        String modelName();

        @WithDefault("PT30S")
        Duration timeout();

        /** Overrides the per-model instruction prepended to queries (not to passages). */
        Optional<String> queryInstruction();

        /** In-process only: English text gets its own model (bge-small-en-v1.5) instead of the Chinese one. */
        @WithDefault("true")
        boolean separateEnglishModel();

        enum Provider {
            ONNX, OPENAI
        }
    }

    interface Search {
        @WithDefault("5")
        int defaultK();

        @WithDefault("50")
        int maxK();

        /**
         * How the vector and keyword rankings become one: {@code convex} adds their scores, each scaled to
         * 0..1, with the weights below; {@code rrf} (reciprocal rank fusion) adds votes by rank and ignores
         * the scores. RRF gives a passage that only one method found the same vote whether that method was
         * sure of it or not, so when the keywords of a question match nothing relevant their list still
         * pushes weak matches past the passage closest in meaning. On evals/retrieval convex scoring
         * found the answer first 0.81 of the time against 0.771 (see README).
         */
        @WithDefault("convex")
        Fusion fusion();

        /** Weight of the vector score in convex fusion; the keyword score weighs 1 minus this. */
        @WithDefault("0.7")
        double vectorWeight();

        /**
         * The cosine similarity convex fusion counts as no resemblance at all (a vector score of 0): passages
         * of a small model rarely fall below it, so scaling from the similarity's theoretical minimum (-1)
         * would squeeze every real difference into a sliver of the range.
         */
        @WithDefault("0.5")
        double similarityFloor();

        enum Fusion {
            CONVEX, RRF
        }

        /** Candidates each method contributes to the fusion. */
        @WithDefault("40")
        int candidates();

        /** The k of reciprocal rank fusion ({@code fusion=rrf}): larger flattens the difference between ranks. */
        @WithDefault("20")
        int rrfK();

        /**
         * Weight of the keyword ranking in reciprocal rank fusion; the vector ranking weighs 1. Customers rarely use the
         * documents' words, so meaning counts for more (tuned on evals/retrieval: see README).
         */
        @WithDefault("0.5")
        double keywordWeight();

        /**
         * Weight, against the customer's own words, of the document terms that knowledge/query-synonyms.txt
         * adds to a keyword query; 0 turns the list off.
         */
        @WithDefault("0.5")
        double synonymWeight();

        /**
         * Cosine similarity the best passage must reach for the result to count as evidence, per embedding
         * space. Set from evals/retrieval so that about 3 % of answerable questions fall below; similarity
         * alone turns away only a minority of unanswerable ones, so answers must still check their evidence.
         */
        @WithDefault("0.62")
        double minSimilarityEn();

        @WithDefault("0.575")
        double minSimilarityZh();

        /**
         * HNSW search breadth (hnsw.ef_search, set on every connection) for a language with fewer than
         * {@code large-corpus-from} passages; higher trades speed for recall.
         */
        @WithDefault("100")
        int efSearch();

        /**
         * The breadth from {@code large-corpus-from} passages of a language on: a graph that large misses
         * more of the true nearest at a fixed breadth (0.955 of the exact ten at 50k passages searched 100
         * wide, 0.994 searched 300 wide; bench/results/search.json).
         */
        @WithDefault("300")
        int largeCorpusEfSearch();

        /**
         * Passages of one language from which the search is {@code large-corpus-ef-search} wide. Below it the
         * narrower search already finds 0.99 of the nearest; and on a small graph PostgreSQL's planner costs a
         * wide search above a sequential scan and scans instead (20 ms at 10k passages).
         */
        @WithDefault("20000")
        int largeCorpusFrom();
    }
}

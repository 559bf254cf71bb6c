package com.northbridge.assistant.knowledge;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.text.Language;
import com.pgvector.PGhalfvec;

import org.postgresql.PGConnection;

/**
 * The passages table, in plain JDBC because vectors and tsvectors are PostgreSQL's own types. Writes join
 * the caller's transaction (Agroal enlists the connection), so a document and its passages change together.
 */
@ApplicationScoped
public class ChunkStore {

    /** A passage ready to be written, with everything computed outside the transaction. */
    public record StoredChunk(Chunk chunk, String citationId, float[] embedding, KeywordIndex.Indexed keywords) {
    }

    /** One result of one search method: a passage id and that method's score. */
    public record Candidate(UUID id, double score) {
    }

    /**
     * A passage with what a citation needs, and {@code suspicious}: what the injection detector found in it
     * when it was written (null: nothing).
     */
    public record Passage(UUID id, String citationId, UUID documentId, String documentTitle, String sourcePath,
                          DocumentKind kind, String language, List<String> headingPath, String article, String content,
                          String suspicious) {
    }

    private final DataSource dataSource;
    /** The HNSW search breadth every connection starts with (knowledge.search.ef-search, new-connection-sql). */
    private final int connectionEfSearch;

    public ChunkStore(DataSource dataSource, KnowledgeConfig config) {
        this.dataSource = dataSource;
        this.connectionEfSearch = config.search().efSearch();
    }

    public void insert(UUID documentId, DocumentKind kind, String language, List<StoredChunk> chunks) {
        String sql = """
                INSERT INTO knowledge_chunk (id, document_id, ordinal, citation_id, heading_path, article, content,
                                             kind, language, embedding, keywords, term_count, suspicious)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::tsvector, ?, ?)""";
        // A passage has a posting per distinct term, a hundred or more: they go in by COPY, which costs the
        // database a fraction of what as many INSERTs (parsed, planned and executed one by one) do.
        StringBuilder postings = new StringBuilder();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (StoredChunk stored : chunks) {
                Chunk chunk = stored.chunk();
                UUID id = UUID.randomUUID();
                ps.setObject(1, id);
                ps.setObject(2, documentId);
                ps.setInt(3, chunk.ordinal());
                ps.setString(4, stored.citationId());
                ps.setArray(5, c.createArrayOf("text", chunk.headingPath().toArray()));
                ps.setString(6, chunk.article());
                ps.setString(7, chunk.text());
                ps.setString(8, kind.code());
                ps.setString(9, language);
                ps.setObject(10, new PGhalfvec(stored.embedding()));
                ps.setString(11, stored.keywords().tsvector());
                ps.setInt(12, stored.keywords().termCount());
                // Documents are data: text addressed to an AI is kept for people to see but flagged.
                ps.setString(13, com.northbridge.assistant.risk.InjectionDetector.detect(chunk.text()).orElse(null));
                ps.addBatch();
                for (Map.Entry<String, Double> w : stored.keywords().weights().entrySet()) {
                    appendCopyField(postings, w.getKey()).append('\t').append(id).append('\t');
                    appendCopyField(postings, language).append('\t');
                    appendCopyField(postings, kind.code()).append('\t').append(w.getValue().floatValue()).append('\n');
                }
            }
            ps.executeBatch();
            if (!postings.isEmpty()) { // after the passages they refer to
                c.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "COPY knowledge_term (term, chunk_id, language, kind, weight) FROM STDIN", new StringReader(postings.toString()));
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not store the passages of document " + documentId, e);
        }
    }

    /** A value in COPY's text format: backslash, tab and line breaks escaped. */
    private static StringBuilder appendCopyField(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
        return out;
    }

    /** The passages flagged as instructions hidden in a document: citation id and what was found. */
    public Map<String, String> suspicious() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT citation_id, suspicious FROM knowledge_chunk WHERE suspicious IS NOT NULL ORDER BY citation_id");
             var rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the flagged passages", e);
        }
        return out;
    }

    public void deleteByDocument(UUID documentId) {
        update("DELETE FROM knowledge_chunk WHERE document_id = ?", documentId);
    }

    /**
     * Nearest passages of one language by cosine distance, through that language's HNSW index searched
     * {@code efSearch} wide. The language is written into the SQL (it is one of two enum values): a partial
     * index is only chosen when the planner sees the literal, and a generic plan with a parameter would fall
     * back to a full scan.
     */
    public List<Candidate> nearest(float[] query, int limit, Language language, java.util.Set<DocumentKind> kinds, int efSearch) {
        StringBuilder sql = new StringBuilder("WITH nearest AS MATERIALIZED (SELECT id, embedding <=> ? AS distance"
                + " FROM knowledge_chunk WHERE language = '");
        sql.append(language == Language.ZH ? "zh" : "en").append('\'');
        List<Object> params = new ArrayList<>();
        params.add(new PGhalfvec(query));
        if (!kinds.isEmpty()) {
            sql.append(" AND kind = ANY (?)");
            params.add(kinds.stream().map(DocumentKind::code).toArray(String[]::new));
        }
        sql.append(" ORDER BY embedding <=> ? LIMIT ?) SELECT id, 1 - distance FROM nearest ORDER BY distance");
        params.add(new PGhalfvec(query));
        params.add(limit);
        try (Connection c = dataSource.getConnection()) {
            if (efSearch == connectionEfSearch) {
                return candidates(c, sql.toString(), params);
            }
            // Connections search connectionEfSearch wide (new-connection-sql); another breadth for this query only.
            try (Statement st = c.createStatement()) {
                st.execute("SET hnsw.ef_search = " + efSearch);
            }
            try {
                return candidates(c, sql.toString(), params);
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("SET hnsw.ef_search = " + connectionEfSearch);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Search failed", e);
        }
    }

    /** Exact nearest neighbours (no index) over the stored vectors: the ground truth of the HNSW recall benchmark. */
    public List<Candidate> nearestExact(float[] query, int limit, SearchFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT id, 1 - (embedding <=> ?) FROM knowledge_chunk WHERE true");
        List<Object> params = new ArrayList<>();
        params.add(new PGhalfvec(query));
        appendFilter(sql, params, filter);
        // "+ 0" turns the ordering into an expression no index can serve: a sequential scan.
        sql.append(" ORDER BY (embedding <=> ?) + 0 LIMIT ?");
        params.add(new PGhalfvec(query));
        params.add(limit);
        return candidates(sql.toString(), params);
    }

    /**
     * BM25 from the postings: for each query term its {@code perTerm} strongest postings in the language
     * (an index range scan), each weighed by the term's idf, summed per passage. A passage outside a term's
     * strongest postings misses that term's contribution; with a few hundred postings per term that only
     * happens for very common terms, whose idf is low anyway.
     */
    public List<Candidate> bm25(List<String> terms, double[] idf, int perTerm, int limit, SearchFilter filter) {
        if (terms.isEmpty()) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(terms.toArray(String[]::new));
        params.add(idf);
        StringBuilder sql = new StringBuilder("""
                SELECT p.chunk_id, sum(q.idf * p.weight) AS score
                FROM unnest(?::text[], ?::float8[]) AS q(term, idf)
                CROSS JOIN LATERAL (SELECT chunk_id, weight FROM knowledge_term t WHERE t.term = q.term""");
        filter.language().ifPresent(language -> {
            sql.append(" AND t.language = ?");
            params.add(language.code());
        });
        if (!filter.kinds().isEmpty()) {
            sql.append(" AND t.kind = ANY (?)");
            params.add(filter.kinds().stream().map(DocumentKind::code).toArray(String[]::new));
        }
        sql.append(" ORDER BY t.weight DESC LIMIT ?) p GROUP BY p.chunk_id ORDER BY score DESC, p.chunk_id LIMIT ?");
        params.add(perTerm);
        params.add(limit);
        return candidates(sql.toString(), params);
    }

    /** The passage a citation names, or empty when the document was changed or removed since it was cited. */
    public java.util.Optional<Passage> byCitation(String citationId) {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM knowledge_chunk WHERE citation_id = ?")) {
            ps.setString(1, citationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up citation " + citationId, e);
        }
        return ids.isEmpty() ? java.util.Optional.empty() : java.util.Optional.ofNullable(passages(ids).get(ids.get(0)));
    }

    public Map<UUID, Passage> passages(List<UUID> ids) {
        Map<UUID, Passage> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        String sql = """
                SELECT c.id, c.citation_id, c.document_id, d.title, d.source_path, c.kind, c.language, c.heading_path,
                       c.article, c.content, c.suspicious
                FROM knowledge_chunk c JOIN knowledge_document d ON d.id = c.document_id
                WHERE c.id = ANY (?)""";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Array headings = rs.getArray(8);
                    UUID id = rs.getObject(1, UUID.class);
                    result.put(id, new Passage(id, rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                            rs.getString(5), DocumentKind.fromCode(rs.getString(6)).orElseThrow(), rs.getString(7),
                            List.of((String[]) headings.getArray()), rs.getString(9), rs.getString(10), rs.getString(11)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load passages", e);
        }
        return result;
    }

    public Map<UUID, Long> countsByDocument() {
        Map<UUID, Long> counts = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT document_id, count(*) FROM knowledge_chunk GROUP BY document_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getObject(1, UUID.class), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count passages", e);
        }
        return counts;
    }

    private static void appendFilter(StringBuilder sql, List<Object> params, SearchFilter filter) {
        if (!filter.kinds().isEmpty()) {
            sql.append(" AND kind = ANY (?)");
            params.add(filter.kinds().stream().map(DocumentKind::code).toArray(String[]::new));
        }
        filter.language().ifPresent(language -> {
            sql.append(" AND language = ?");
            params.add(language.code());
        });
    }

    private List<Candidate> candidates(String sql, List<Object> params) {
        try (Connection c = dataSource.getConnection()) {
            return candidates(c, sql, params);
        } catch (SQLException e) {
            throw new IllegalStateException("Search failed", e);
        }
    }

    private static List<Candidate> candidates(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof String[] values) {
                    ps.setArray(i + 1, c.createArrayOf("text", values));
                } else if (p instanceof double[] values) {
                    ps.setArray(i + 1, c.createArrayOf("float8", java.util.Arrays.stream(values).boxed().toArray()));
                } else {
                    ps.setObject(i + 1, p);
                }
            }
            List<Candidate> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Candidate(rs.getObject(1, UUID.class), rs.getDouble(2)));
                }
            }
            return result;
        }
    }

    private void update(String sql, Object param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed: " + sql, e);
        }
    }
}

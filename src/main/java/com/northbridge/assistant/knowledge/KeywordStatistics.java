package com.northbridge.assistant.knowledge;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.northbridge.assistant.text.Language;

/**
 * Corpus statistics: for BM25 how many passages contain each term and the number of passages, and the
 * passages of each language (the size of its HNSW graph). Read from the tsvectors in one pass and cached
 * until ingestion changes the corpus, so a search pays nothing for them.
 */
@ApplicationScoped
public class KeywordStatistics {

    /** One consistent view of the corpus. */
    public record Snapshot(long passages, Map<String, Integer> documentFrequency, Map<String, Long> passagesByLanguage) {

        /** Passages of one language: the size of that language's HNSW graph. */
        public long passages(Language language) {
            return passagesByLanguage.getOrDefault(language.code(), 0L);
        }

        /** BM25's idf: rare terms weigh more; never negative. */
        double idf(String term) {
            int df = documentFrequency.getOrDefault(term, 0);
            return Math.log(1 + (passages - df + 0.5) / (df + 0.5));
        }

        int frequency(String term) {
            return documentFrequency.getOrDefault(term, 0);
        }
    }

    private final DataSource dataSource;
    private volatile Snapshot snapshot;

    public KeywordStatistics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Called after every change to the passages; the next search reloads. */
    public void invalidate() {
        snapshot = null;
    }

    public Snapshot current() {
        Snapshot current = snapshot;
        if (current == null) {
            synchronized (this) {
                current = snapshot;
                if (current == null) {
                    current = load();
                    snapshot = current;
                }
            }
        }
        return current;
    }

    private Snapshot load() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            long passages = 0;
            Map<String, Long> byLanguage = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT language, count(*) FROM knowledge_chunk GROUP BY language")) {
                while (rs.next()) {
                    byLanguage.put(rs.getString(1), rs.getLong(2));
                    passages += rs.getLong(2);
                }
            }
            Map<String, Integer> df = new HashMap<>();
            if (passages > 0) {
                try (ResultSet rs = st.executeQuery("SELECT word, ndoc FROM ts_stat('SELECT keywords FROM knowledge_chunk')")) {
                    while (rs.next()) {
                        df.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            return new Snapshot(passages, df, byLanguage);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read keyword statistics", e);
        }
    }
}

package com.northbridge.assistant.knowledge;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The HNSW graphs of the passages table, set aside during a bulk load and built again after it. Inserting a
 * passage into a graph searches the graph and rewrites its neighbours' pages one by one; building the graph
 * over all passages at once does the same work in memory, several times faster (the migration V10 has the
 * figures). The definitions are taken from the database, where Flyway put them, and kept in
 * knowledge_index_set_aside until the graphs are back, so that a load cut short is finished at the next
 * start-up. Searches during a load are exact scans: slower on a large corpus, never wrong.
 */
@ApplicationScoped
public class VectorIndexes {

    private static final Logger LOG = Logger.getLogger(VectorIndexes.class);

    private final DataSource dataSource;
    private final KnowledgeConfig config;

    public VectorIndexes(DataSource dataSource, KnowledgeConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Before the start-up scan (which may itself set the graphs aside again). */
    void onStart(@Observes @Priority(1) StartupEvent event) {
        rebuild();
    }

    /**
     * How long dropping the graphs may wait for searches that hold the table. DROP INDEX needs the table to
     * itself, and while it waits every new search queues behind it; searches take milliseconds, so a wait
     * this long means something else holds the table, and the load then simply writes into the graphs.
     */
    static final String LOCK_TIMEOUT = "5s";

    /**
     * Drops the HNSW graphs of the passages table and records how to build them again; false (and nothing
     * changed) when that is not possible now, e.g. the table is locked or the role may not drop indexes.
     */
    public boolean setAside() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (Statement st = c.createStatement()) {
                    st.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                }
                Map<String, String> graphs = new LinkedHashMap<>();
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT indexname, indexdef FROM pg_indexes
                        WHERE schemaname = current_schema() AND tablename = 'knowledge_chunk' AND indexdef LIKE '% USING hnsw %'
                        ORDER BY indexname""");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        graphs.put(rs.getString(1), rs.getString(2));
                    }
                }
                try (PreparedStatement record = c.prepareStatement(
                        "INSERT INTO knowledge_index_set_aside (name, definition) VALUES (?, ?) ON CONFLICT (name) DO NOTHING");
                     Statement drop = c.createStatement()) {
                    for (Map.Entry<String, String> graph : graphs.entrySet()) {
                        record.setString(1, graph.getKey());
                        record.setString(2, graph.getValue());
                        record.executeUpdate();
                        drop.execute("DROP INDEX " + quoted(graph.getKey()));
                    }
                }
                c.commit();
                LOG.infof("Bulk load: HNSW graphs %s set aside until the passages are written", graphs.keySet());
                return true;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            LOG.warnf("Bulk load: the HNSW graphs could not be set aside (%s); the passages are written into them", e.getMessage());
            return false;
        }
    }

    /** Builds every graph that was set aside; nothing to do (and cheap) when none was. */
    public void rebuild() {
        try (Connection c = dataSource.getConnection()) {
            Map<String, String> pending = new LinkedHashMap<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, definition FROM knowledge_index_set_aside ORDER BY name")) {
                while (rs.next()) {
                    pending.put(rs.getString(1), rs.getString(2));
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            long start = System.nanoTime();
            try (Statement st = c.createStatement()) {
                // A graph that does not fit in maintenance_work_mem is built on disk, far slower.
                st.execute("SET maintenance_work_mem = '" + config.ingestion().indexBuildMemory().asLongValue() / 1024 + "kB'");
                try {
                    for (Map.Entry<String, String> graph : pending.entrySet()) {
                        // A build interrupted by a crash after its commit left the index; IF NOT EXISTS skips it.
                        st.execute(graph.getValue().replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS "));
                        try (PreparedStatement done = c.prepareStatement("DELETE FROM knowledge_index_set_aside WHERE name = ?")) {
                            done.setString(1, graph.getKey());
                            done.executeUpdate();
                        }
                    }
                } finally {
                    st.execute("RESET maintenance_work_mem");
                }
            }
            LOG.infof("HNSW graphs %s built in %d ms", pending.keySet(), (System.nanoTime() - start) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not build the HNSW graphs again; they are recorded in "
                    + "knowledge_index_set_aside and the next start-up tries again", e);
        }
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

package com.northbridge.assistant.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Appends to the audit chain inside the caller's transaction, so an action and its audit entry commit or
 * vanish together. Appends are serialised by a transaction-scoped advisory lock: the chain has one order.
 */
@ApplicationScoped
public class AuditLog {

    /** Any constant; it names the lock that orders appends to the chain. */
    private static final long CHAIN_LOCK = 0x6175646974L;

    private final DataSource dataSource;
    private final ObjectMapper json;

    public AuditLog(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Records that {@code actor} did {@code action} to a subject; {@code detail} is written as JSON. Needs a transaction. */
    public AuditEntry append(String actor, String action, String subjectType, String subjectId, Map<String, ?> detail) {
        String text;
        try {
            text = json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Audit detail is not JSON-serialisable", e);
        }
        // PostgreSQL keeps microseconds: hash what will be read back.
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, CHAIN_LOCK);
                lock.execute();
            }
            long seq = 1;
            String prev = AuditChain.GENESIS;
            try (PreparedStatement last = c.prepareStatement("SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1");
                 ResultSet rs = last.executeQuery()) {
                if (rs.next()) {
                    seq = rs.getLong(1) + 1;
                    prev = rs.getString(2);
                }
            }
            String hash = AuditChain.hash(prev, seq, at, actor, action, subjectType, subjectId, text);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO audit_entry (seq, at, actor, action, subject_type, subject_id, detail, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
                insert.setLong(1, seq);
                insert.setTimestamp(2, Timestamp.from(at));
                insert.setString(3, actor);
                insert.setString(4, action);
                insert.setString(5, subjectType);
                insert.setString(6, subjectId);
                insert.setString(7, text);
                insert.setString(8, prev);
                insert.setString(9, hash);
                insert.executeUpdate();
            }
            return new AuditEntry(seq, at, actor, action, subjectType, subjectId, text, prev, hash);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append to the audit log", e);
        }
    }

    /** The entries about one subject (a case, a conversation), oldest first. */
    public List<AuditEntry> about(String subjectType, String subjectId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_entry WHERE subject_type = ? AND subject_id = ? ORDER BY seq")) {
            ps.setString(1, subjectType);
            ps.setString(2, subjectId);
            return AuditVerifier.read(ps);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit log", e);
        }
    }

    /** Entries that mention a subject in their detail too (a case's conversation, its transfer), oldest first. */
    public List<AuditEntry> trail(List<String[]> subjects) {
        List<AuditEntry> all = new ArrayList<>();
        for (String[] s : subjects) {
            all.addAll(about(s[0], s[1]));
        }
        all.sort(java.util.Comparator.comparingLong(AuditEntry::seq));
        return all;
    }
}

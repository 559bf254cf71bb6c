package com.northbridge.assistant.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Walks the whole chain and reports the first broken link: an entry whose hash does not match its content,
 * whose previous-hash does not match the entry before it, or a gap in the sequence (a deleted entry).
 */
public final class AuditVerifier {

    public record Report(boolean intact, long entries, Long firstBrokenSeq, String problem) {
    }

    private static final int PAGE = 5_000;

    private AuditVerifier() {
    }

    /** Verifies with the given connection, so a test can check a tampered chain inside a transaction it rolls back. */
    public static Report verify(Connection c) throws SQLException {
        String prev = AuditChain.GENESIS;
        long expectedSeq = 1;
        long count = 0;
        while (true) {
            List<AuditEntry> page;
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM audit_entry WHERE seq >= ? ORDER BY seq LIMIT " + PAGE)) {
                ps.setLong(1, expectedSeq);
                page = read(ps);
            }
            if (page.isEmpty()) {
                return new Report(true, count, null, null);
            }
            for (AuditEntry e : page) {
                if (e.seq() != expectedSeq) {
                    return new Report(false, count, expectedSeq, "entry " + expectedSeq + " is missing");
                }
                if (!e.prevHash().equals(prev)) {
                    return new Report(false, count, e.seq(), "entry " + e.seq() + " does not follow the entry before it");
                }
                if (!AuditChain.hash(e).equals(e.hash())) {
                    return new Report(false, count, e.seq(), "entry " + e.seq() + " was changed after it was written");
                }
                prev = e.hash();
                expectedSeq++;
                count++;
            }
        }
    }

    static List<AuditEntry> read(PreparedStatement ps) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AuditEntry(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
                        rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("detail"), rs.getString("prev_hash"),
                        rs.getString("hash")));
            }
        }
        return out;
    }
}

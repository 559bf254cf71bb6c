package com.northbridge.assistant.audit;

import static com.northbridge.assistant.TestUsers.engineer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The audit log is append-only in the database and any change to it is found by verification. */
@QuarkusTest
class AuditLogTests {

    @Inject
    AuditLog audit;

    @Inject
    DataSource dataSource;

    private AuditEntry append(String action) {
        return QuarkusTransaction.requiringNew().call(() -> audit.append("test", action, "test", "t-1", Map.of("n", 1)));
    }

    @Test
    void entries_chain_and_the_chain_verifies() throws SQLException {
        AuditEntry first = append("test.first");
        AuditEntry second = append("test.second");
        assertThat(second.seq()).isEqualTo(first.seq() + 1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(AuditChain.hash(second)).isEqualTo(second.hash());
        try (Connection c = dataSource.getConnection()) {
            assertThat(AuditVerifier.verify(c).intact()).isTrue();
        }
        engineer().when().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void the_database_refuses_updates_and_deletes() throws SQLException {
        append("test.protected");
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("UPDATE audit_entry SET actor = 'mallory' WHERE seq = (SELECT max(seq) FROM audit_entry)"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM audit_entry WHERE seq = (SELECT max(seq) FROM audit_entry)"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> s.executeUpdate("TRUNCATE audit_entry")).hasMessageContaining("append-only");
        }
    }

    @Test
    void verification_finds_the_first_changed_or_missing_entry() throws SQLException {
        AuditEntry target = append("test.tampered");
        AuditEntry after = append("test.after");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                // Someone with the owner's rights bypasses the trigger: the hashes still tell.
                s.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
                s.executeUpdate("UPDATE audit_entry SET detail = '{\"n\":2}' WHERE seq = " + target.seq());
                AuditVerifier.Report changed = AuditVerifier.verify(c);
                assertThat(changed.intact()).isFalse();
                assertThat(changed.firstBrokenSeq()).isEqualTo(target.seq());
                assertThat(changed.problem()).contains("changed");

                s.executeUpdate("UPDATE audit_entry SET detail = '{\"n\":1}' WHERE seq = " + target.seq());
                s.executeUpdate("DELETE FROM audit_entry WHERE seq = " + target.seq());
                AuditVerifier.Report missing = AuditVerifier.verify(c);
                assertThat(missing.intact()).isFalse();
                assertThat(missing.firstBrokenSeq()).isEqualTo(target.seq());
                assertThat(missing.problem()).contains("missing");
            } finally {
                c.rollback();
            }
        }
        try (Connection c = dataSource.getConnection()) {
            assertThat(AuditVerifier.verify(c).intact()).isTrue();
            assertThat(after.seq()).isGreaterThan(target.seq());
        }
    }
}

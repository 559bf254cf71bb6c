package com.northbridge.assistant.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import jakarta.persistence.PersistenceException;

class DatabaseUnavailableTest {

    @Test
    void a_refused_or_broken_connection_anywhere_in_the_causes_is_an_outage() {
        assertThat(DatabaseUnavailable.causes(new PersistenceException("could not prepare statement",
                new SQLException("Connection to 127.0.0.1:5439 refused", "08001")))).isTrue();
        assertThat(DatabaseUnavailable.causes(new IllegalStateException(new SQLException("An I/O error occurred", "08006")))).isTrue();
    }

    @Test
    void a_server_shutting_down_or_starting_or_out_of_connections_is_an_outage() {
        assertThat(DatabaseUnavailable.causes(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.causes(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseUnavailable.causes(new SQLException("too many clients already", "53300"))).isTrue();
    }

    @Test
    void a_pool_that_timed_out_waiting_for_a_connection_is_an_outage() {
        assertThat(DatabaseUnavailable.causes(new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException()))).isTrue();
    }

    @Test
    void a_failing_statement_or_a_bug_is_not() {
        assertThat(DatabaseUnavailable.causes(new SQLException("duplicate key value violates unique constraint", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.causes(new NullPointerException())).isFalse();
    }
}

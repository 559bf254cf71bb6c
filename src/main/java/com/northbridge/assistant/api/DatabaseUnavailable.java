package com.northbridge.assistant.api;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Recognises a failure that means the database cannot be reached right now (stopped, restarting, the
 * connection to it cut, no pooled connection free in time) rather than a bug. Such a request is answered
 * 503 with Retry-After: nothing in it could be written, and the caller may send it again shortly.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait: a restart of PostgreSQL takes a few. */
    public static final int RETRY_AFTER_SECONDS = 5;

    /**
     * Besides SQLSTATE class 08 (connection exceptions): the server shutting down (57P01 admin, 57P02 crash),
     * still starting (57P03) and out of connections (53300).
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DatabaseUnavailable() {
    }

    public static boolean causes(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && (unreachable(sql) || poolTimedOut(sql))) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || STATES.contains(state));
    }

    /** The pool (Agroal) waited its acquisition timeout for a connection it could not get. */
    private static boolean poolTimedOut(SQLException e) {
        return e.getCause() instanceof TimeoutException
                || e.getMessage() != null && e.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout");
    }
}

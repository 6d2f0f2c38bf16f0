package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.StorageUnavailableException;
import io.vertx.core.VertxException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Tells infrastructure faults (the database cannot be reached, is shutting down, or did not answer
 * in time) from everything else, and turns them into {@link StorageUnavailableException}s that the
 * HTTP adapter answers with 503. Anything else (a constraint we did not expect, a syntax error) is
 * a bug and stays as it is.
 */
final class PgFailures {

    /** SQLSTATE classes (first two characters) of faults that pass with time. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of(
            "08",  // connection exception
            "53",  // insufficient resources: too many connections, out of memory, disk full
            "57"); // operator intervention: admin/crash shutdown, cannot connect now, statement timeout
    /** Single SQLSTATEs of faults that pass with time. */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "55P03",  // lock_not_available (lock_timeout)
            "40001",  // serialization_failure
            "40P01"); // deadlock_detected

    /**
     * Vert.x reports a connection that closed under a request, and a wait for a pooled connection
     * that timed out, as plain {@link VertxException}s, told apart only by their message ("Connection
     * is not active now, current status: CLOSED", "Pending requests failed to be sent due to
     * connection has been closed.", "Timeout waiting for connection").
     */
    private static final Pattern TRANSPORT_MESSAGE = Pattern.compile(
            "(?i).*(closed|not active|timeout waiting for connection).*");

    /** The SQLSTATE of a unique constraint violation: a port outcome, never a failure. */
    static final String UNIQUE_VIOLATION = "23505";

    private PgFailures() {
    }

    /** The failure a port's stage should fail with. */
    static Throwable translate(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof StorageUnavailableException) {
            return cause;
        }
        return isTransient(cause)
                ? new StorageUnavailableException("PostgreSQL is unavailable: " + describe(cause), cause)
                : cause;
    }

    static boolean isUniqueViolation(Throwable failure) {
        return sqlState(unwrap(failure)).filter(UNIQUE_VIOLATION::equals).isPresent();
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StorageUnavailableException
                    || t instanceof ClosedConnectionException
                    || t instanceof IOException          // refused, reset, unknown host, connect timeout
                    || t instanceof TimeoutException     // our own deadline, the pool's wait for a connection
                    || t instanceof ConnectionPoolTooBusyException
                    || (t instanceof VertxException && !(t instanceof DatabaseException)
                            && t.getMessage() != null && TRANSPORT_MESSAGE.matcher(t.getMessage()).matches())) {
                return true;
            }
            Optional<String> state = sqlState(t);
            if (state.isPresent() && (TRANSIENT_STATES.contains(state.get())
                    || TRANSIENT_CLASSES.contains(state.get().substring(0, Math.min(2, state.get().length()))))) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> sqlState(Throwable failure) {
        return failure instanceof PgException pg ? Optional.ofNullable(pg.getSqlState()) : Optional.empty();
    }

    /** One line for logs and operators: the exception's message with its SQLSTATE, never a parameter value. */
    static String describe(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof PgException pg) {
            return pg.getErrorMessage() + " (SQLSTATE " + pg.getSqlState() + ")";
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}

package dev.whosthat.oauth.adapter.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The pool as the stores use it: prepared statements and transactions whose results come back as
 * JDK stages, failed with a {@link dev.whosthat.oauth.domain.port.StorageUnavailableException} when
 * the database cannot answer, and never later than a deadline, whatever the network does.
 */
final class PgClient {

    private final Pool pool;
    private final long deadlineMillis;

    /**
     * @param deadline how long a port call may take at most, on top of the server's own
     *     {@code statement_timeout}: a connection whose peer vanished without closing it would
     *     otherwise keep a request waiting
     */
    PgClient(Pool pool, Duration deadline) {
        this.pool = pool;
        this.deadlineMillis = deadline.toMillis();
    }

    /** One statement, in its own implicit transaction. */
    Future<RowSet<Row>> execute(String sql, Tuple parameters) {
        return execute(pool, sql, parameters);
    }

    static Future<RowSet<Row>> execute(SqlClient client, String sql, Tuple parameters) {
        return client.preparedQuery(sql).execute(parameters);
    }

    /** Statements on one connection inside BEGIN ... COMMIT, rolled back if the future fails. */
    /** Inserts one row: true if inserted, false if a unique constraint already held the key (SQLSTATE 23505). */
    Future<Boolean> insertUnlessTaken(String sql, Tuple parameters) {
        return execute(sql, parameters)
                .map(inserted -> true)
                .recover(failure -> PgFailures.isUniqueViolation(failure)
                        ? Future.succeededFuture(false)
                        : Future.failedFuture(failure));
    }

    <T> Future<T> inTransaction(Function<SqlConnection, Future<T>> work) {
        return pool.withTransaction(work);
    }

    /** The JDK stage a port returns: bounded by the deadline, infrastructure faults translated. */
    <T> CompletionStage<T> stage(Future<T> future) {
        return future.timeout(deadlineMillis, TimeUnit.MILLISECONDS)
                .recover(failure -> Future.failedFuture(PgFailures.translate(failure)))
                .toCompletionStage();
    }
}

package dev.whosthat.oauth.adapter.postgres;

import static dev.whosthat.oauth.adapter.postgres.Columns.time;

import dev.whosthat.oauth.domain.port.FailureCounter;
import dev.whosthat.oauth.domain.throttle.FailureCount;
import dev.whosthat.oauth.domain.throttle.ThrottleKey;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Failure counters in {@code failure_counters}, shared by every node on the database. */
public final class PgFailureCounter implements FailureCounter {

    private final PgClient db;

    PgFailureCounter(PgClient db) {
        this.db = db;
    }

    @Override
    public CompletionStage<FailureCount> current(ThrottleKey key, Instant now) {
        return db.stage(db.execute(FailureCounterSql.CURRENT, Tuple.of(key.storageKey(), time(now)))
                .map(rows -> Columns.first(rows, PgFailureCounter::count).orElseGet(FailureCount::none)));
    }

    @Override
    public CompletionStage<FailureCount> recordFailure(ThrottleKey key, Instant now, Duration window) {
        return db.stage(db.execute(FailureCounterSql.RECORD, Tuple.of(key.storageKey(), time(now), time(now.plus(window))))
                .map(rows -> count(rows.iterator().next())));
    }

    @Override
    public CompletionStage<Void> reset(ThrottleKey key) {
        return db.stage(db.execute(FailureCounterSql.RESET, Tuple.of(key.storageKey())).mapEmpty());
    }

    @Override
    public CompletionStage<Integer> sweepExpired(Instant now, int limit) {
        if (limit <= 0) {
            return CompletableFuture.completedFuture(0);
        }
        return db.stage(db.execute(FailureCounterSql.SWEEP, Tuple.of(time(now), (long) limit)).map(rows -> rows.rowCount()));
    }

    private static FailureCount count(Row row) {
        return new FailureCount(row.getInteger("failures"), time(row, "window_ends"));
    }
}

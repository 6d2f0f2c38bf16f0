package dev.whosthat.oauth.adapter.postgres;

/** Statements on {@code failure_counters}. */
final class FailureCounterSql {

    private FailureCounterSql() {
    }

    /** The counter of $1 if its window is still open at $2. */
    static final String CURRENT = """
            SELECT failures, window_ends FROM failure_counters WHERE counter_key = $1 AND window_ends > $2
            """;

    /**
     * One more failure for $1 at $2, in one statement so that concurrent failures on every node
     * count: a closed window restarts at one, ending at $3.
     */
    static final String RECORD = """
            INSERT INTO failure_counters (counter_key, failures, window_ends)
            VALUES ($1, 1, $3)
            ON CONFLICT (counter_key) DO UPDATE SET
                failures = CASE WHEN failure_counters.window_ends > $2 THEN failure_counters.failures + 1 ELSE 1 END,
                window_ends = CASE WHEN failure_counters.window_ends > $2 THEN failure_counters.window_ends ELSE $3 END
            RETURNING failures, window_ends
            """;

    static final String RESET = """
            DELETE FROM failure_counters WHERE counter_key = $1
            """;

    /** Deletes up to $2 counters whose window closed by $1; skips rows that a request holds. */
    static final String SWEEP = """
            DELETE FROM failure_counters
            WHERE ctid IN (SELECT ctid FROM failure_counters WHERE window_ends <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
            """;
}

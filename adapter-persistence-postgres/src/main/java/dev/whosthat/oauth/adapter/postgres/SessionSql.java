package dev.whosthat.oauth.adapter.postgres;

/** Statements on {@code login_sessions}. */
final class SessionSql {

    private SessionSql() {
    }

    /** Saving a session again replaces it (renewal). */
    static final String UPSERT = """
            INSERT INTO login_sessions (digest, subject, username, authenticated_at, expires_at)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (digest) DO UPDATE SET
                subject = excluded.subject,
                username = excluded.username,
                authenticated_at = excluded.authenticated_at,
                expires_at = excluded.expires_at
            """;

    static final String FIND = """
            SELECT digest, subject, username, authenticated_at, expires_at
            FROM login_sessions
            WHERE digest = $1
            """;

    static final String DELETE = """
            DELETE FROM login_sessions WHERE digest = $1
            """;

    static final String DELETE_OF_OWNER = """
            DELETE FROM login_sessions WHERE subject = $1
            """;

    /** Deletes up to $2 sessions that expired by $1; skips rows that a request holds. */
    static final String SWEEP = """
            DELETE FROM login_sessions
            WHERE ctid IN (SELECT ctid FROM login_sessions WHERE expires_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
            """;
}

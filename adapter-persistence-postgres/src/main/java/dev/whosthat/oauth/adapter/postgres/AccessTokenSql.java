package dev.whosthat.oauth.adapter.postgres;

/** Statements on {@code access_tokens}; tokens are inserted with their grant ({@link GrantSql#SAVE_TOKENS}). */
final class AccessTokenSql {

    private AccessTokenSql() {
    }

    static final String FIND = """
            SELECT digest, grant_id, client_id, subject, username, scope, issued_at, expires_at
            FROM access_tokens
            WHERE digest = $1
            """;

    static final String DELETE = """
            DELETE FROM access_tokens WHERE digest = $1
            """;

    /** Deletes up to $2 tokens that expired by $1; skips rows that a request holds. */
    static final String SWEEP = """
            DELETE FROM access_tokens
            WHERE ctid IN (SELECT ctid FROM access_tokens WHERE expires_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
            """;
}

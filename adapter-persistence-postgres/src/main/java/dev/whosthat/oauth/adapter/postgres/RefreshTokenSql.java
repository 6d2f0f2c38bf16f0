package dev.whosthat.oauth.adapter.postgres;

/** Statements on {@code refresh_tokens}; tokens are inserted with their grant ({@link GrantSql#SAVE_TOKENS}). */
final class RefreshTokenSql {

    private RefreshTokenSql() {
    }

    static final String FIND = """
            SELECT digest, grant_id, client_id, subject, username, scope, issued_at, expires_at, state
            FROM refresh_tokens
            WHERE digest = $1
            """;

    /** Whether $1 is a refresh token of grant $2, in whatever state. */
    static final String BELONGS_TO_GRANT = """
            SELECT EXISTS (SELECT 1 FROM refresh_tokens WHERE digest = $1 AND grant_id = $2) AS known
            """;

    /** Deletes up to $2 tokens that expired by $1; skips rows that a request holds. */
    static final String SWEEP = """
            DELETE FROM refresh_tokens
            WHERE ctid IN (SELECT ctid FROM refresh_tokens WHERE expires_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
            """;
}

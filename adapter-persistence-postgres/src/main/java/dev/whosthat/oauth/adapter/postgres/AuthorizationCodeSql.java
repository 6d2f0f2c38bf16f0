package dev.whosthat.oauth.adapter.postgres;

/** Statements on {@code authorization_codes}. */
final class AuthorizationCodeSql {

    private AuthorizationCodeSql() {
    }

    /** A code saved again keeps its first row, consumed or not. */
    static final String INSERT = """
            INSERT INTO authorization_codes (digest, grant_id, client_id, redirect_uri, redirect_uri_given, scope,
                                             subject, username, code_challenge, issued_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (digest) DO NOTHING
            """;

    static final String FIND = """
            SELECT digest, grant_id, client_id, redirect_uri, redirect_uri_given, scope, subject, username,
                   code_challenge, issued_at, expires_at
            FROM authorization_codes
            WHERE digest = $1
            """;

    /**
     * RFC 6749 §4.1.2: consumes the code at most once, ever. The conditional UPDATE is the one
     * atomic step: of concurrent calls, the first takes the row lock and flips {@code consumed}; the
     * others wait for it, re-check {@code NOT consumed} on the committed row and update nothing. The
     * EXISTS (same statement, same snapshot) tells a replay from an unknown code without a second
     * round trip.
     */
    static final String CONSUME = """
            WITH consumed AS (
                UPDATE authorization_codes SET consumed = true
                WHERE digest = $1 AND NOT consumed
                RETURNING 1
            )
            SELECT EXISTS (SELECT 1 FROM consumed) AS won,
                   EXISTS (SELECT 1 FROM authorization_codes WHERE digest = $1) AS known
            """;

    static final String DELETE_OF_CLIENT = """
            DELETE FROM authorization_codes WHERE client_id = $1
            """;

    static final String DELETE_OF_OWNER = """
            DELETE FROM authorization_codes WHERE subject = $1
            """;

    /** Deletes up to $2 codes that expired by $1, consumed or not; skips rows that a request holds. */
    static final String SWEEP = """
            DELETE FROM authorization_codes
            WHERE ctid IN (SELECT ctid FROM authorization_codes WHERE expires_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
            """;
}

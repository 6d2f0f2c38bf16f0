package dev.whosthat.oauth.adapter.postgres;

/**
 * Statements on {@code grants}, the row that every change of a grant's tokens goes through: saving
 * tokens upserts it, rotating locks it, revoking marks it. Holding its row lock is what makes these
 * atomic against each other on every node.
 */
final class GrantSql {

    private GrantSql() {
    }

    /**
     * Stores the tokens of one or more token responses in one statement, one commit: upserts each
     * response's grant (taking its row lock, so that a concurrent revocation either finishes first
     * and is seen here, or waits for this to commit and then deletes these tokens too), then inserts
     * the tokens of every grant that is not revoked. Grants are locked in the order of their ids, so
     * two statements that share grants never wait on each other in a cycle. A grant may appear once
     * per statement: {@code ON CONFLICT DO UPDATE} cannot change one row twice.
     *
     * <p>An access token alone that opens its grant (a client credentials token) gets no grant
     * row. Its grant has nothing to remember (no current refresh token), and nothing to guard
     * against: no one knows its id before the response is sent, so no revocation of it can run
     * meanwhile. A later revocation finds its token by {@code grant_id} as any other, and leaves a
     * tombstone as for a grant never seen. That spares a row and its two index entries: three of
     * the seven writes of the commonest token request.
     *
     * <p>Every parameter is an array with one element per response, built by
     * {@link TokenRows#saveParameters}: $1 grant, $2 refresh digest (null for none), $3 latest
     * expiry; access token $4 digest, $5 client, $6 subject, $7 username, $8 scope, $9 issued, $10
     * expires; refresh token $11 client, $12 subject, $13 username, $14 scope, $15 issued, $16
     * expires; $17 whether the grant needs its row. A scope travels in its space-delimited wire
     * form (RFC 6749 §3.3: a scope token never holds a space), since an array of text arrays would
     * have to be rectangular.
     */
    static final String SAVE_TOKENS = """
            WITH response AS (
                SELECT * FROM unnest($1::text[], $2::bytea[], $3::timestamptz[],
                                     $4::bytea[], $5::text[], $6::text[], $7::text[], $8::text[],
                                     $9::timestamptz[], $10::timestamptz[],
                                     $11::text[], $12::text[], $13::text[], $14::text[],
                                     $15::timestamptz[], $16::timestamptz[], $17::bool[])
                    AS r(grant_id, refresh_digest, latest_expiry,
                         access_digest, access_client, access_subject, access_username, access_scope,
                         access_issued, access_expires,
                         refresh_client, refresh_subject, refresh_username, refresh_scope,
                         refresh_issued, refresh_expires, needs_grant_row)
            ), grant_row AS (
                INSERT INTO grants AS g (grant_id, current_refresh, expires_at)
                SELECT grant_id, refresh_digest, latest_expiry FROM response
                WHERE needs_grant_row ORDER BY grant_id
                ON CONFLICT (grant_id) DO UPDATE SET
                    current_refresh = CASE WHEN g.revoked THEN NULL
                                           ELSE coalesce(excluded.current_refresh, g.current_refresh) END,
                    expires_at = CASE WHEN g.revoked THEN g.expires_at
                                      ELSE greatest(g.expires_at, excluded.expires_at) END
                RETURNING g.grant_id, g.revoked
            ), live AS (
                SELECT response.* FROM response
                LEFT JOIN grant_row ON grant_row.grant_id = response.grant_id COLLATE "C"
                WHERE NOT response.needs_grant_row OR NOT grant_row.revoked
            ), access AS (
                INSERT INTO access_tokens (digest, grant_id, client_id, subject, username, scope, issued_at, expires_at)
                SELECT access_digest, grant_id, access_client, access_subject, access_username,
                       string_to_array(access_scope, ' '), access_issued, access_expires
                FROM live
                ON CONFLICT (digest) DO NOTHING
            )
            INSERT INTO refresh_tokens (digest, grant_id, client_id, subject, username, scope, issued_at, expires_at, state)
            SELECT refresh_digest, grant_id, refresh_client, refresh_subject, refresh_username,
                   string_to_array(refresh_scope, ' '), refresh_issued, refresh_expires, 'ACTIVE'
            FROM live
            WHERE refresh_digest IS NOT NULL
            ON CONFLICT (digest) DO NOTHING
            """;

    /**
     * What {@link #SAVE_TOKENS} does for responses that are each an access token alone opening its
     * grant (client credentials), which need no grant row: one plain insert. The batches of a
     * client credentials load are all of this kind, and PostgreSQL runs this statement for less
     * than the other's four steps. $1 to $8: grant ids, digests, clients, subjects, usernames,
     * scopes, issue and expiry times, one element per token.
     */
    static final String SAVE_ACCESS_TOKENS = """
            INSERT INTO access_tokens (digest, grant_id, client_id, subject, username, scope, issued_at, expires_at)
            SELECT digest, grant_id, client_id, subject, username, string_to_array(scope, ' '), issued_at, expires_at
            FROM unnest($1::text[], $2::bytea[], $3::text[], $4::text[], $5::text[], $6::text[],
                        $7::timestamptz[], $8::timestamptz[])
                AS a(grant_id, digest, client_id, subject, username, scope, issued_at, expires_at)
            ON CONFLICT (digest) DO NOTHING
            """;

    /**
     * The rest of a rotation, in one statement, once {@link #LOCK} holds the grant's row and found
     * the presented refresh token current: marks it rotated, makes the successor's refresh token the
     * grant's current one, and inserts the successor's tokens. Parameters $1 to $16 are those of
     * {@link #SAVE_TOKENS} as single values (one response, whose grant has its row), $17 the presented digest. Plain values,
     * not {@code unnest}ed arrays: a rotation is never batched, and the simpler statement is planned
     * and run faster.
     */
    static final String ROTATE = """
            WITH rotated AS (
                UPDATE refresh_tokens SET state = 'ROTATED' WHERE digest = $17
            ), grant_row AS (
                UPDATE grants SET current_refresh = $2, expires_at = greatest(expires_at, $3) WHERE grant_id = $1
            ), access AS (
                INSERT INTO access_tokens (digest, grant_id, client_id, subject, username, scope, issued_at, expires_at)
                VALUES ($4, $1, $5, $6, $7, string_to_array($8, ' '), $9, $10)
                ON CONFLICT (digest) DO NOTHING
            )
            INSERT INTO refresh_tokens (digest, grant_id, client_id, subject, username, scope, issued_at, expires_at, state)
            VALUES ($2, $1, $11, $12, $13, string_to_array($14, ' '), $15, $16, 'ACTIVE')
            ON CONFLICT (digest) DO NOTHING
            """;

    /** The grant's state, its row locked until the transaction ends: rotations of one grant queue here. */
    static final String LOCK = """
            SELECT revoked, current_refresh
            FROM grants
            WHERE grant_id = $1
            FOR UPDATE
            """;

    /**
     * Marks the grant revoked, or records the revocation of a grant not seen yet as a tombstone
     * that expires at $2; takes the row lock. $1 grant.
     */
    static final String REVOKE = """
            INSERT INTO grants AS g (grant_id, revoked, current_refresh, expires_at)
            VALUES ($1, true, NULL, $2)
            ON CONFLICT (grant_id) DO UPDATE SET revoked = true, current_refresh = NULL
            """;

    /**
     * Deletes every token of a grant. Run after {@link #REVOKE} in the same transaction, so its
     * snapshot is taken once the row lock is held and sees every token committed for the grant.
     */
    static final String DELETE_TOKENS = """
            WITH access AS (
                DELETE FROM access_tokens WHERE grant_id = $1
            )
            DELETE FROM refresh_tokens WHERE grant_id = $1
            """;

    /**
     * Marks revoked every grant with a token of client $1, taking their row locks: a token response
     * of such a grant being saved meanwhile either committed first (and {@link #DELETE_TOKENS_OF_CLIENT}
     * sees it) or waits and then finds its grant revoked. The grants keep their expiry, so they stay
     * as tombstones as long as their tokens would have lived.
     */
    static final String REVOKE_OF_CLIENT = revokeGrantsWhere("client_id");

    /** Run after {@link #REVOKE_OF_CLIENT} in the same transaction, with a snapshot taken after its locks. */
    static final String DELETE_TOKENS_OF_CLIENT = deleteTokensWhere("client_id");

    /** {@link #REVOKE_OF_CLIENT} for the grants of resource owner (subject) $1. */
    static final String REVOKE_OF_OWNER = revokeGrantsWhere("subject");

    static final String DELETE_TOKENS_OF_OWNER = deleteTokensWhere("subject");

    /** {@code column} is one of ours, never input: the statement text is fixed once, here. */
    private static String revokeGrantsWhere(String column) {
        return """
                UPDATE grants SET revoked = true, current_refresh = NULL
                WHERE grant_id IN (SELECT grant_id FROM access_tokens WHERE %1$s = $1
                                   UNION SELECT grant_id FROM refresh_tokens WHERE %1$s = $1)
                """.formatted(column);
    }

    private static String deleteTokensWhere(String column) {
        return """
                WITH access AS (
                    DELETE FROM access_tokens WHERE %1$s = $1
                )
                DELETE FROM refresh_tokens WHERE %1$s = $1
                """.formatted(column);
    }

    /** Deletes up to $2 grants whose every token expired by $1; skips rows that a request holds. */
    static final String SWEEP = """
            DELETE FROM grants
            WHERE ctid IN (SELECT ctid FROM grants WHERE expires_at <= $1 LIMIT $2 FOR UPDATE SKIP LOCKED)
            """;
}

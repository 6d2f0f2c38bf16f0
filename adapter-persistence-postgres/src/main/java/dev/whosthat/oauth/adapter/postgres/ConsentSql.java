package dev.whosthat.oauth.adapter.postgres;

/** Statements on {@code consents}. */
final class ConsentSql {

    private ConsentSql() {
    }

    static final String FIND = """
            SELECT subject, client_id, scope, granted_at
            FROM consents
            WHERE subject = $1 AND client_id = $2
            """;

    /**
     * Records a consent, or widens the stored one to the union of both scopes: the earlier tokens
     * first, then the new ones in their order. The upsert holds the row lock while it merges, so
     * concurrent grants queue and each merges into what the one before it wrote; none is lost.
     */
    static final String GRANT = """
            INSERT INTO consents AS c (subject, client_id, scope, granted_at)
            VALUES ($1, $2, $3, $4)
            ON CONFLICT (subject, client_id) DO UPDATE SET
                scope = c.scope || ARRAY(
                    SELECT t.token FROM unnest(excluded.scope) WITH ORDINALITY AS t(token, position)
                    WHERE t.token <> ALL (c.scope)
                    ORDER BY t.position),
                granted_at = excluded.granted_at
            RETURNING subject, client_id, scope, granted_at
            """;

    static final String DELETE = """
            DELETE FROM consents WHERE subject = $1 AND client_id = $2
            """;

    static final String DELETE_OF_CLIENT = """
            DELETE FROM consents WHERE client_id = $1
            """;

    static final String DELETE_OF_SUBJECT = """
            DELETE FROM consents WHERE subject = $1
            """;
}

package dev.whosthat.oauth.adapter.postgres;

/** Statements on {@code clients}. */
final class ClientSql {

    private ClientSql() {
    }

    static final String FIND = """
            SELECT client_id, name, auth_method, secret_digest, grant_types, redirect_uris, scope, require_pkce
            FROM clients
            WHERE client_id = $1
            """;

    /** A taken id fails with 23505, which the repository reports as a duplicate. */
    static final String INSERT = """
            INSERT INTO clients (client_id, name, auth_method, secret_digest, grant_types, redirect_uris, scope, require_pkce)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """;

    static final String UPSERT = """
            INSERT INTO clients (client_id, name, auth_method, secret_digest, grant_types, redirect_uris, scope, require_pkce)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (client_id) DO UPDATE SET
                name = excluded.name,
                auth_method = excluded.auth_method,
                secret_digest = excluded.secret_digest,
                grant_types = excluded.grant_types,
                redirect_uris = excluded.redirect_uris,
                scope = excluded.scope,
                require_pkce = excluded.require_pkce
            """;

    /** Only a confidential client has a secret to replace; the CHECK constraint agrees. $1 id, $2 digest. */
    static final String REPLACE_SECRET = """
            UPDATE clients SET secret_digest = $2
            WHERE client_id = $1 AND auth_method <> 'none'
            """;

    static final String DELETE = """
            DELETE FROM clients WHERE client_id = $1
            """;

    static final String LIST = """
            SELECT client_id, name, auth_method, secret_digest, grant_types, redirect_uris, scope, require_pkce
            FROM clients
            ORDER BY client_id
            """;
}

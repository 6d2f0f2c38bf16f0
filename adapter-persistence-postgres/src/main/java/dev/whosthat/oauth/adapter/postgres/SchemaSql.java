package dev.whosthat.oauth.adapter.postgres;

/** Statements on {@code schema_version}, the record of applied migrations. */
final class SchemaSql {

    private SchemaSql() {
    }

    /**
     * The key of the transaction-level advisory lock that serialises migrations: a second node
     * starting at the same time waits here until the first has committed, then finds nothing to do.
     * ASCII "whosthat".
     */
    static final long MIGRATION_LOCK = 0x77686f7374686174L;

    /** A migration may take longer than a request may; these apply to the migrating transaction only. */
    static final String RELAX_TIMEOUTS = """
            SELECT set_config('statement_timeout', '300s', true), set_config('lock_timeout', '300s', true)
            """;

    static final String LOCK = """
            SELECT pg_advisory_xact_lock($1)
            """;

    /** Whether the table exists, without needing the right to create it on an up-to-date database. */
    static final String EXISTS = """
            SELECT to_regclass('schema_version') IS NOT NULL AS present
            """;

    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS schema_version (
                version      integer PRIMARY KEY,
                description  text        NOT NULL,
                checksum     text        NOT NULL,
                applied_at   timestamptz NOT NULL DEFAULT now()
            )
            """;

    static final String APPLIED = """
            SELECT version, checksum FROM schema_version ORDER BY version
            """;

    static final String RECORD = """
            INSERT INTO schema_version (version, description, checksum) VALUES ($1, $2, $3)
            """;
}

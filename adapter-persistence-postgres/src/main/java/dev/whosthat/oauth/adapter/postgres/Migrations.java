package dev.whosthat.oauth.adapter.postgres;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned SQL migrations ({@code migration/V<n>__<description>.sql} beside this class), applied
 * in order at start-up in one transaction that holds an advisory lock, and recorded in
 * {@code schema_version} with a checksum. On an up-to-date database this changes nothing. See ADR
 * 0004 for why this is not a migration library.
 */
final class Migrations {

    /** Every migration, in order; a new one is a new file here and a new line in this list. */
    private static final List<String> FILES = List.of(
            "V1__initial_schema.sql",
            "V2__failure_counters.sql");

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    record Migration(int version, String description, String sql, String checksum) {
    }

    /**
     * What start-up found and did.
     *
     * @param before the database's version before, 0 for an empty one
     * @param after its version now; above the last of {@link #all()} when a newer build migrated it further
     */
    record Outcome(int before, int after, List<Integer> applied) {
    }

    private Migrations() {
    }

    static List<Migration> all() {
        List<Migration> migrations = new ArrayList<>();
        for (String file : FILES) {
            Matcher name = NAME.matcher(file);
            if (!name.matches()) {
                throw new IllegalStateException("migration file name " + file + " is not V<n>__<description>.sql");
            }
            String sql = read(file);
            migrations.add(new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '), sql,
                    checksum(sql)));
        }
        return List.copyOf(migrations);
    }

    static Future<Outcome> apply(Pool pool, List<Migration> migrations) {
        return pool.withTransaction(conn -> conn.query(SchemaSql.RELAX_TIMEOUTS).execute()
                .compose(relaxed -> PgClient.execute(conn, SchemaSql.LOCK, Tuple.of(SchemaSql.MIGRATION_LOCK)))
                .compose(locked -> appliedVersions(conn))
                .compose(applied -> applyPending(conn, migrations, applied)));
    }

    private static Future<Map<Integer, String>> appliedVersions(SqlConnection conn) {
        return conn.query(SchemaSql.EXISTS).execute().compose(rows -> rows.iterator().next().getBoolean("present")
                ? conn.query(SchemaSql.APPLIED).execute()
                : conn.query(SchemaSql.CREATE).execute().compose(created -> conn.query(SchemaSql.APPLIED).execute()))
                .map(rows -> {
                    Map<Integer, String> applied = new TreeMap<>();
                    for (Row row : rows) {
                        applied.put(row.getInteger("version"), row.getString("checksum"));
                    }
                    return applied;
                });
    }

    private static Future<Outcome> applyPending(SqlConnection conn, List<Migration> migrations,
                                                Map<Integer, String> applied) {
        int before = applied.keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Migration> pending = new ArrayList<>();
        for (Migration migration : migrations) {
            String checksum = applied.get(migration.version());
            if (checksum == null) {
                pending.add(migration);
            } else if (!checksum.equals(migration.checksum())) {
                return Future.failedFuture(new IllegalStateException("schema migration V" + migration.version()
                        + " differs from the one applied to this database; a migration must never change once released"));
            }
        }
        Future<Void> chain = Future.succeededFuture();
        for (Migration migration : pending) {
            chain = chain.compose(previous -> conn.query(migration.sql()).execute())
                    .compose(done -> PgClient.execute(conn, SchemaSql.RECORD,
                            Tuple.of(migration.version(), migration.description(), migration.checksum())))
                    .mapEmpty();
        }
        List<Integer> versions = pending.stream().map(Migration::version).toList();
        int after = Math.max(before, versions.stream().mapToInt(Integer::intValue).max().orElse(0));
        return chain.map(done -> new Outcome(before, after, versions));
    }

    private static String read(String file) {
        try (InputStream in = Migrations.class.getResourceAsStream("migration/" + file)) {
            if (in == null) {
                throw new IllegalStateException("migration " + file + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Over the text without carriage returns, so that a checkout's line endings do not matter. */
    private static String checksum(String sql) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(sql.replace("\r", "").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}

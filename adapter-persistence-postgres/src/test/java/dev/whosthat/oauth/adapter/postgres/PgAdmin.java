package dev.whosthat.oauth.adapter.postgres;

import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Statements the tests run beside the adapter (creating databases, killing connections), on the test server. */
final class PgAdmin implements AutoCloseable {

    private final Pool pool;

    PgAdmin(String uri) {
        PgConnectOptions options = PgConnectOptions.fromUri(uri).addProperty("application_name", "whosthat-test-admin");
        pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(options)
                .using(PgTestDatabase.vertx()).build();
    }

    RowSet<Row> run(String sql) {
        try {
            return pool.query(sql).execute().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(sql + " failed: " + e, e);
        }
    }

    /**
     * Runs {@code sql} in a transaction that stays open, holding whatever locks it took, until the
     * returned handle is closed.
     */
    AutoCloseable holdingLocks(String sql) {
        try {
            SqlConnection conn = pool.getConnection().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            conn.begin().compose(tx -> conn.query(sql).execute())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return () -> conn.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(sql + " failed: " + e, e);
        }
    }

    /** A new, empty database on the test server; returns its URI. */
    String createDatabase(String name) {
        run("CREATE DATABASE " + name);
        return withDatabase(PgTestDatabase.uri(), name);
    }

    static String withDatabase(String uri, String database) {
        URI parsed = URI.create(uri);
        String query = parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery();
        return parsed.getScheme() + "://" + parsed.getRawAuthority() + "/" + database + query;
    }

    @Override
    public void close() {
        pool.close();
    }
}

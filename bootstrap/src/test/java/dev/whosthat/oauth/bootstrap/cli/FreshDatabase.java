package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.bootstrap.postgres.TestPostgres;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.net.URI;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A new, empty database on the test PostgreSQL server, so that what a test lists is only what it made. */
final class FreshDatabase {

    private FreshDatabase() {
    }

    /** Its URI; the role of {@code OAUTH_TEST_PG_URI}, if set, needs {@code CREATEDB}. */
    static String create() {
        String server = TestPostgres.sharedUri();
        String name = "cli_" + UUID.randomUUID().toString().replace("-", "");
        Vertx vertx = Vertx.vertx();
        try {
            Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(1))
                    .connectingTo(PgConnectOptions.fromUri(server)).using(vertx).build();
            pool.query("CREATE DATABASE " + name).execute()
                    .eventually(() -> pool.close())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create a test database: " + e, e);
        } finally {
            vertx.close();
        }
        URI parsed = URI.create(server);
        String query = parsed.getRawQuery() == null ? "" : "?" + parsed.getRawQuery();
        return parsed.getScheme() + "://" + parsed.getRawAuthority() + "/" + name + query;
    }
}

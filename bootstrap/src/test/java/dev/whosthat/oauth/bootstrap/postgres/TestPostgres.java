package dev.whosthat.oauth.bootstrap.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A real PostgreSQL server for the tests: embedded (zonky's binaries from Maven Central), on a data
 * directory and port of its own, so that it can be stopped and started again under a running
 * server with its data intact. {@link #sharedUri()} is the one server the tests that need not stop
 * it share: the one {@code OAUTH_TEST_PG_URI} names, or an embedded one started once per test JVM.
 */
public final class TestPostgres implements AutoCloseable {

    static final String URI_VARIABLE = "OAUTH_TEST_PG_URI";

    private static String sharedUri;

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres running;

    private TestPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A new server on a fresh data directory and a free port. */
    static TestPostgres start(Path dataDirectory) {
        TestPostgres postgres = new TestPostgres(dataDirectory, freePort());
        postgres.startAgain();
        return postgres;
    }

    public static synchronized String sharedUri() {
        if (sharedUri == null) {
            sharedUri = Optional.ofNullable(System.getenv(URI_VARIABLE)).filter(v -> !v.isBlank()).orElseGet(() -> {
                try {
                    TestPostgres shared = start(Files.createTempDirectory("whosthat-pg-"));
                    Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-postgres-stop"));
                    return shared.uri();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return sharedUri;
    }

    /** Starts the server on the same data directory and port: initdb only the first time. */
    void startAgain() {
        try {
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start (set " + URI_VARIABLE
                    + " to use a running server for the tests that can)", e);
        }
    }

    /** A fast shutdown: open connections are terminated, as when a database server goes away. */
    void stop() {
        try {
            running.close();
            running = null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String uri() {
        return "postgresql://postgres@127.0.0.1:" + port + "/postgres";
    }

    @Override
    public void close() {
        if (running != null) {
            stop();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

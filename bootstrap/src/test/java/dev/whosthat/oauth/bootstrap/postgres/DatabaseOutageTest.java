package dev.whosthat.oauth.bootstrap.postgres;

import static dev.whosthat.oauth.bootstrap.postgres.Http.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.bootstrap.OAuthServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database goes away under a running server and comes back: requests fail fast with 503
 * {@code temporarily_unavailable} meanwhile, and the server recovers by itself. Needs a database it
 * may stop, so it always runs on an embedded one of its own.
 */
class DatabaseOutageTest {

    /** Far below the client's own timeout: the server answers, it does not hang. */
    private static final Duration FAST = Duration.ofSeconds(5);
    private static final Duration RECOVERY = Duration.ofSeconds(30);

    private TestPostgres postgres;
    private OAuthServer server;

    @AfterEach
    void stopEverything() throws Exception {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void requestsFailFastWith503WhileTheDatabaseIsDownAndSucceedOnceItIsBack(@TempDir Path dir) throws Exception {
        postgres = TestPostgres.start(dir.resolve("data"));
        Deployment app = Deployment.unique();
        server = app.startNode(postgres.uri());
        String access = field(Http.passwordGrant(server.port(), app), "access_token");
        assertThat(Http.me(server.port(), access).statusCode()).isEqualTo(200);
        String neverPresented = field(Http.passwordGrant(server.port(), app), "access_token");

        postgres.stop();

        assertUnavailable(() -> Http.token(server.port(), app, "grant_type=client_credentials"));
        assertUnavailable(() -> Http.me(server.port(), neverPresented));
        assertUnavailable(() -> Http.introspect(server.port(), app, neverPresented));
        assertUnavailable(() -> Http.passwordGrant(server.port(), app));
        // A token validated before the outage is answered from the node's look-up cache, but only
        // until its entry's ttl has run out: then it too needs the database.
        HttpResponse<String> cachedThenGone = awaitStatus(503, 200, () -> Http.me(server.port(), access));
        assertThat(cachedThenGone.statusCode()).isEqualTo(503);

        postgres.startAgain();

        HttpResponse<String> recovered = awaitStatus(200, 503, () -> Http.token(server.port(), app, "grant_type=client_credentials"));
        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(Http.me(server.port(), access).statusCode()).isEqualTo(200);
    }

    /**
     * Readiness follows the database: 200 while it answers, 503 with a JSON reason (never another
     * 5xx, never a hang) while it is gone, 200 again once it is back; liveness does not care. The
     * pool's own series appear in the metrics under its name.
     */
    @Test
    void readinessIs503WithAReasonWhileTheDatabaseIsDownAnd200OnceItIsBack(@TempDir Path dir) throws Exception {
        postgres = TestPostgres.start(dir.resolve("data"));
        server = Deployment.unique().startNode(postgres.uri());
        assertThat(Http.get(server.port(), "/health/ready").statusCode()).isEqualTo(200);
        assertThat(Http.get(server.port(), "/metrics").body())
                .containsPattern("vertx_pool_\\w+\\{[^}]*pool_name=\"whosthat\"")
                .containsPattern("vertx_pool_\\w+\\{[^}]*pool_type=\"sql\"")
                .contains("vertx_pool_in_use{").contains("vertx_pool_queue_pending{").contains("vertx_pool_usage_seconds_count{");

        postgres.stop();

        HttpResponse<String> down = Http.get(server.port(), "/health/ready");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        assertThat(field(down, "status")).isEqualTo("unavailable");
        assertThat(field(down, "reason")).isIn("storage_unavailable", "storage_timeout");
        assertThat(field(down, "description")).isNotBlank();
        assertThat(down.body()).doesNotContain(postgres.uri()).doesNotContain("127.0.0.1");
        assertThat(Http.get(server.port(), "/health/live").statusCode()).isEqualTo(200);

        postgres.startAgain();

        assertThat(awaitStatus(200, 503, () -> Http.get(server.port(), "/health/ready")).statusCode()).isEqualTo(200);
    }

    private static void assertUnavailable(Supplier<HttpResponse<String>> request) {
        long started = System.nanoTime();
        HttpResponse<String> response = request.get();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
        assertThat(field(response, "error")).isEqualTo("temporarily_unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(took).isLessThan(FAST);
    }

    /** Repeats the request until it answers {@code status}, every answer before being {@code meanwhile}. */
    private static HttpResponse<String> awaitStatus(int status, int meanwhile, Supplier<HttpResponse<String>> request)
            throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        HttpResponse<String> last = request.get();
        while (last.statusCode() != status && System.nanoTime() < deadline) {
            assertThat(last.statusCode()).as("while waiting for %d: %s", status, last.body()).isEqualTo(meanwhile);
            Thread.sleep(200);
            last = request.get();
        }
        return last;
    }
}

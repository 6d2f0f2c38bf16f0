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
        // Never looked up yet, so not in the node's look-up cache (ADR 0007), which may serve `access` for its ttl.
        String uncached = field(Http.passwordGrant(server.port(), app), "access_token");

        postgres.stop();

        assertUnavailable(() -> Http.token(server.port(), app, "grant_type=client_credentials"));
        assertUnavailable(() -> Http.me(server.port(), uncached));
        assertUnavailable(() -> Http.introspect(server.port(), app, uncached));
        assertUnavailable(() -> Http.passwordGrant(server.port(), app));

        postgres.startAgain();

        HttpResponse<String> recovered = awaitStatus(200, () -> Http.token(server.port(), app, "grant_type=client_credentials"));
        assertThat(recovered.statusCode()).isEqualTo(200);
        assertThat(Http.me(server.port(), access).statusCode()).isEqualTo(200);
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

    private static HttpResponse<String> awaitStatus(int status, Supplier<HttpResponse<String>> request) throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        HttpResponse<String> last = request.get();
        while (last.statusCode() != status && System.nanoTime() < deadline) {
            assertThat(last.statusCode()).as("while recovering: %s", last.body()).isEqualTo(503);
            Thread.sleep(200);
            last = request.get();
        }
        return last;
    }
}

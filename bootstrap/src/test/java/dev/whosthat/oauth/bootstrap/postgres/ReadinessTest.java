package dev.whosthat.oauth.bootstrap.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whosthat.oauth.bootstrap.OAuthServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness follows the database: 200 while it answers, 503 with a JSON reason (never another 5xx,
 * never a hang) while it is gone, 200 again once it is back. Liveness does not care. The pool's own
 * series appear in the metrics under its name.
 */
class ReadinessTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
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
    void readinessIs503WithAReasonWhileTheDatabaseIsDownAnd200OnceItIsBack(@TempDir Path dir) throws Exception {
        postgres = TestPostgres.start(dir.resolve("data"));
        server = Deployment.unique().startNode(postgres.uri());
        assertThat(get("/health/ready").statusCode()).isEqualTo(200);
        String scrape = get("/metrics").body();
        assertThat(scrape).containsPattern("vertx_pool_\\w+\\{[^}]*pool_name=\"whosthat\"");
        assertThat(scrape).containsPattern("vertx_pool_\\w+\\{[^}]*pool_type=\"sql\"")
                .contains("vertx_pool_in_use{").contains("vertx_pool_queue_pending{").contains("vertx_pool_usage_seconds_count{");

        postgres.stop();

        HttpResponse<String> down = get("/health/ready");
        assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
        JsonNode body = JSON.readTree(down.body());
        assertThat(body.path("status").asText()).isEqualTo("unavailable");
        assertThat(body.path("reason").asText()).isIn("storage_unavailable", "storage_timeout");
        assertThat(body.path("description").asText()).isNotBlank();
        assertThat(down.body()).doesNotContain(postgres.uri()).doesNotContain("127.0.0.1");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);

        postgres.startAgain();

        HttpResponse<String> back = get("/health/ready");
        long deadline = System.nanoTime() + RECOVERY.toNanos();
        while (back.statusCode() != 200 && System.nanoTime() < deadline) {
            assertThat(back.statusCode()).as("while recovering: %s", back.body()).isEqualTo(503);
            Thread.sleep(200);
            back = get("/health/ready");
        }
        assertThat(back.statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Http.REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.whosthat.oauth.bootstrap.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.bootstrap.config.MetricsSettings;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Health and metrics of an in-memory server, over a socket. */
class OperationsEndpointsTest {

    private OpsServer ops;

    @AfterEach
    void stop() throws Exception {
        if (ops != null) {
            ops.close();
        }
    }

    @Test
    void livenessAnswers200WithSmallJson() throws Exception {
        ops = OpsServer.start(MetricsSettings.MAIN_LISTENER);

        HttpResponse<String> live = ops.get("/health/live");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(live.body()).isEqualTo("{\"status\":\"up\"}");
    }

    @Test
    void readinessAnswers200WhenMemoryStorageIsThere() throws Exception {
        ops = OpsServer.start(MetricsSettings.MAIN_LISTENER);

        HttpResponse<String> ready = ops.get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
        assertThat(ready.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void healthRefusesOtherMethodsWith405() throws Exception {
        ops = OpsServer.start(MetricsSettings.MAIN_LISTENER);

        HttpResponse<String> post = ops.post("/health/ready", "x", "y", "a=b");

        assertThat(post.statusCode()).isEqualTo(405);
    }

    @Test
    void requestSeriesCarryEndpointGrantTypeOutcomeAndAuthenticatedClient() throws Exception {
        ops = OpsServer.start(MetricsSettings.MAIN_LISTENER);
        assertThat(ops.token(OpsServer.CLIENT_ID, OpsServer.SECRET, "grant_type=client_credentials").statusCode()).isEqualTo(200);
        assertThat(ops.token(OpsServer.CLIENT_ID, "wrong-secret", "grant_type=client_credentials").statusCode()).isEqualTo(401);
        assertThat(ops.token(OpsServer.CLIENT_ID, OpsServer.SECRET, "grant_type=password&username=olivia&password=nope").statusCode())
                .isEqualTo(400);
        assertThat(ops.token(OpsServer.CLIENT_ID, OpsServer.SECRET, "grant_type=urn:made:up").statusCode()).isEqualTo(400);
        String access = OpsServer.field(ops.passwordGrant(), "access_token");
        assertThat(ops.post("/oauth2/introspect", OpsServer.CLIENT_ID, OpsServer.SECRET, "token=" + access).statusCode()).isEqualTo(200);
        assertThat(ops.post("/oauth2/revoke", OpsServer.CLIENT_ID, OpsServer.SECRET, "token=" + access).statusCode()).isEqualTo(200);

        // A request is counted once its response has ended, which may be just after the client read it.
        String scrape = scrapeOnce(ops.server.port(), "endpoint=\"revoke\"");

        assertSample(scrape, "oauth_requests_total",
                "endpoint=\"token\"", "grant_type=\"client_credentials\"", "outcome=\"ok\"", "client_id=\"ops-client\"");
        // A refused client is not labelled by the id it claimed.
        assertSample(scrape, "oauth_requests_total",
                "endpoint=\"token\"", "grant_type=\"client_credentials\"", "outcome=\"invalid_client\"", "client_id=\"none\"");
        assertSample(scrape, "oauth_requests_total",
                "endpoint=\"token\"", "grant_type=\"password\"", "outcome=\"invalid_grant\"", "client_id=\"ops-client\"");
        assertSample(scrape, "oauth_requests_total",
                "endpoint=\"token\"", "grant_type=\"other\"", "outcome=\"unsupported_grant_type\"");
        assertSample(scrape, "oauth_requests_total", "endpoint=\"introspect\"", "grant_type=\"none\"", "outcome=\"ok\"",
                "client_id=\"ops-client\"");
        assertSample(scrape, "oauth_requests_total", "endpoint=\"revoke\"", "outcome=\"ok\"", "client_id=\"ops-client\"");
        assertSample(scrape, "oauth_request_duration_seconds_bucket", "endpoint=\"token\"", "le=\"+Inf\"");
        assertSample(scrape, "oauth_request_duration_seconds_count", "endpoint=\"introspect\"");
        // The use cases' security events, counted through the audit trail.
        assertThat(scrape).contains("oauth_tokens_issued_total{grant_type=\"client_credentials\"} 1.0")
                .contains("oauth_tokens_issued_total{grant_type=\"password\"} 1.0")
                .contains("oauth_tokens_issued_total{grant_type=\"refresh_token\"} 0.0")
                .contains("oauth_client_authentication_failures_total 1.0")
                .contains("oauth_sign_in_failures_total 1.0")
                .contains("oauth_sign_ins_total 1.0")
                .containsPattern("oauth_tokens_revoked_total [1-9]")
                .contains("oauth_refresh_token_reuse_detected_total 0.0");
        // Requests in flight: the scrape itself, at the moment it was written.
        assertThat(scrape).contains("oauth_requests_in_flight 1.0");
        // Vert.x's own per-request series stay off: ours replace them, and theirs cost every request a meter look-up.
        assertThat(scrape).doesNotContain("vertx_http_server_").doesNotContain("vertx_net_server_");

        assertThat(scrape).doesNotContain(OpsServer.SECRET).doesNotContain(access).doesNotContain("wrong-secret")
                .doesNotContain(OpsServer.PASSWORD).doesNotContain("urn:made:up");
    }

    @Test
    void anUnknownClientIdNeverBecomesALabel() throws Exception {
        ops = OpsServer.start(MetricsSettings.MAIN_LISTENER);
        ops.token("attacker-chosen-id-1234", "whatever-secret", "grant_type=client_credentials");

        String scrape = scrapeOnce(ops.server.port(), "outcome=\"invalid_client\"");

        assertThat(scrape).doesNotContain("attacker-chosen-id-1234");
    }

    @Test
    void metricsCanBeTurnedOff() throws Exception {
        ops = OpsServer.start(MetricsSettings.OFF);

        HttpResponse<String> metrics = ops.get("/metrics");

        assertThat(metrics.statusCode()).isEqualTo(404);
        assertThat(ops.get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void metricsCanHaveAListenerOfTheirOwn() throws Exception {
        ops = OpsServer.start(MetricsSettings.ownListener("127.0.0.1", 0));
        assertThat(ops.token(OpsServer.CLIENT_ID, OpsServer.SECRET, "grant_type=client_credentials").statusCode()).isEqualTo(200);

        int metricsPort = ops.server.metricsPort().orElseThrow();
        String scrape = scrapeOnce(metricsPort, "endpoint=\"token\"");

        assertThat(metricsPort).isNotEqualTo(ops.server.port());
        assertSample(scrape, "oauth_requests_total", "endpoint=\"token\"", "outcome=\"ok\"");
        assertThat(ops.get("/metrics").statusCode()).isEqualTo(404);
        assertThat(ops.get(metricsPort, "/oauth2/token").statusCode()).isEqualTo(404);
    }

    private String scrapeOnce(int port, String contains) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String scrape = scrape(ops.get(port, "/metrics"));
        while (!scrape.contains(contains) && System.nanoTime() < deadline) {
            Thread.sleep(10);
            scrape = scrape(ops.get(port, "/metrics"));
        }
        return scrape;
    }

    static String scrape(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        return response.body();
    }

    /** A sample line of the series with at least these labels (in any order) and a positive or zero value. */
    static void assertSample(String scrape, String name, String... labels) {
        List<String> lines = scrape.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .toList();
        assertThat(lines).as("%s%s in\n%s", name, Arrays.toString(labels), scrape).isNotEmpty();
    }
}

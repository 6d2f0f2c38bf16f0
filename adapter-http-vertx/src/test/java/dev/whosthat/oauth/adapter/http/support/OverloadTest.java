package dev.whosthat.oauth.adapter.http.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Work refused by a saturated, bounded worker pool is shed with 503, not reported as a fault. */
class OverloadTest {

    private static RouterOnASocket server;

    @BeforeAll
    static void start() throws Exception {
        server = RouterOnASocket.serving(router ->
                router.get("/busy").handler(ctx -> ctx.fail(new RejectedExecutionException("queue full"))));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void aRejectedTaskIsAnsweredTemporarilyUnavailableWithRetryAfter() throws Exception {
        HttpResponse<String> reply = server.get("/busy");

        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.headers().firstValue("Retry-After")).isPresent();
        assertThat(reply.body()).contains("\"error\":\"temporarily_unavailable\"").doesNotContain("queue full");
    }
}

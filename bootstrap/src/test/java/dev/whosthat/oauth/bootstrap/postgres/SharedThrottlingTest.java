package dev.whosthat.oauth.bootstrap.postgres;

import static dev.whosthat.oauth.bootstrap.postgres.Http.encode;
import static dev.whosthat.oauth.bootstrap.postgres.Http.field;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.throttle.ThrottleSettings;
import dev.whosthat.oauth.bootstrap.OAuthServer;
import dev.whosthat.oauth.domain.throttle.ThrottlePolicy;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failed passwords spread over two nodes count together: the counters are in the database, and each
 * node's cached count is dropped by the other's notification, so neither node lets a guesser past
 * the shared limit; once the window has passed the right user gets in on either.
 */
class SharedThrottlingTest {

    /** One free failure, refused from the fourth, for three seconds: short enough to wait out. */
    private static final ThrottlePolicy QUICK =
            new ThrottlePolicy(1, 4, Duration.ofSeconds(3), Duration.ofMillis(10), Duration.ofMillis(20));
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private final Deployment app = Deployment.unique();
    private OAuthServer a;
    private OAuthServer b;

    @BeforeEach
    void startTwoNodes() throws Exception {
        String database = TestPostgres.sharedUri();
        ThrottleSettings throttling = new ThrottleSettings(QUICK, ThrottlePolicy.CLIENT_ADDRESS_DEFAULT);
        a = OAuthServer.start(app.nodeConfig(database, throttling));
        b = OAuthServer.start(app.nodeConfig(database, throttling));
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (OAuthServer node : new OAuthServer[] {a, b}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private HttpResponse<String> password(OAuthServer node, String password) {
        return Http.token(node.port(), app, "grant_type=password&username=" + encode(app.username())
                + "&password=" + encode(password) + "&scope=read");
    }

    @Test
    void failuresOnBothNodesAddUpAndTheRightUserGetsInAfterTheWindow() throws Exception {
        assertThat(password(a, "wrong 1").statusCode()).isEqualTo(400);
        assertThat(password(b, "wrong 2").statusCode()).isEqualTo(400);
        assertThat(password(a, "wrong 3").statusCode()).isEqualTo(400);
        assertThat(password(b, "wrong 4").statusCode()).isEqualTo(400);

        // The fourth failure was on b; a learns of it by notification, within milliseconds.
        HttpResponse<String> refusedOnA = until(429, () -> password(a, "wrong again"));
        HttpResponse<String> refusedOnB = password(b, app.password());

        assertThat(refusedOnA.statusCode()).isEqualTo(429);
        assertThat(field(refusedOnA, "error")).isEqualTo("temporarily_unavailable");
        assertThat(refusedOnA.headers().firstValue("Retry-After")).isPresent();
        assertThat(refusedOnB.statusCode()).as("the right password during the refusal").isEqualTo(429);

        HttpResponse<String> afterTheWindow = until(200, () -> password(a, app.password()));
        assertThat(afterTheWindow.statusCode()).as(afterTheWindow.body()).isEqualTo(200);
        assertThat(password(b, app.password()).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> until(int status, Supplier<HttpResponse<String>> request) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        HttpResponse<String> last = request.get();
        while (last.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            last = request.get();
        }
        return last;
    }
}

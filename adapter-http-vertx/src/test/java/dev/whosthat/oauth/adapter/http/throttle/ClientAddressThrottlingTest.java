package dev.whosthat.oauth.adapter.http.throttle;

import static dev.whosthat.oauth.adapter.http.TestServer.MACHINE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Eventually;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestClient;
import dev.whosthat.oauth.adapter.http.TestServer;
import dev.whosthat.oauth.application.throttle.ThrottleSettings;
import dev.whosthat.oauth.domain.throttle.ThrottlePolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Repeated failed client authentications from one address are refused with 429 before any secret
 * is checked, even a right one; once the window has passed, the address is served again.
 */
class ClientAddressThrottlingTest {

    private static final ThrottlePolicy QUICK =
            new ThrottlePolicy(1, 3, Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ofMillis(20));

    @RegisterExtension
    static final TestServer server = new TestServer(new ThrottleSettings(ThrottlePolicy.USERNAME_DEFAULT, QUICK));

    private static final TestClient GUESSER = TestClient.confidential(MACHINE.id(), MACHINE.method(),
            "a-wrong-secret-0123456789abcdefghijklmnopq");

    @Test
    void aBurstOfWrongSecretsIsRefusedWith429ThenServedAgainAfterTheWindow() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(server.token(GUESSER, "grant_type", "client_credentials").status()).isEqualTo(401);
        }

        Reply refused = server.token(MACHINE, "grant_type", "client_credentials");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("error")).isEqualTo("temporarily_unavailable");
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(server.introspect(MACHINE, "whatever").status()).isEqualTo(429);

        Reply later = Eventually.until(reply -> reply.status() != 429,
                () -> server.token(MACHINE, "grant_type", "client_credentials"));

        assertThat(later.status()).isEqualTo(200);
    }
}

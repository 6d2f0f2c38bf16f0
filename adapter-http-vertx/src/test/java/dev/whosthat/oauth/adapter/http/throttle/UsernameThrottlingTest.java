package dev.whosthat.oauth.adapter.http.throttle;

import static dev.whosthat.oauth.adapter.http.TestServer.BASIC;
import static dev.whosthat.oauth.adapter.http.TestServer.USER_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Eventually;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import dev.whosthat.oauth.application.throttle.ThrottleSettings;
import dev.whosthat.oauth.domain.throttle.ThrottlePolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A burst of wrong passwords for one username gets 429 with Retry-After at the token endpoint; once
 * the window has passed, the right user gets in. The sign-in page's side is {@code SignInThrottlingTest}.
 */
class UsernameThrottlingTest {

    /** One free failure, refused from the third, for two seconds: short enough to wait out. */
    private static final ThrottlePolicy QUICK =
            new ThrottlePolicy(1, 3, Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ofMillis(20));

    @RegisterExtension
    static final TestServer server = new TestServer(new ThrottleSettings(QUICK, ThrottlePolicy.CLIENT_ADDRESS_DEFAULT));

    private static final String WRONG = "not the password at all";

    private Reply passwordGrant(String username, String password) {
        return server.token(BASIC, "grant_type", "password", "username", username, "password", password);
    }

    @Test
    void aBurstOfWrongPasswordsIsRefusedWith429AndTheRightUserGetsInAfterTheWindow() throws Exception {
        String user = server.newUser();
        for (int i = 0; i < 3; i++) {
            Reply wrong = passwordGrant(user, WRONG);
            assertThat(wrong.status()).isEqualTo(400);
            assertThat(wrong.text("error")).isEqualTo("invalid_grant");
        }

        Reply refused = passwordGrant(user, USER_PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("error")).isEqualTo("temporarily_unavailable");
        assertThat(refused.header("Retry-After")).hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 2));
        assertThat(refused.header("Cache-Control")).contains("no-store");
        assertThat(refused.header("WWW-Authenticate")).isEmpty();

        Reply later = Eventually.until(reply -> reply.status() != 429, () -> passwordGrant(user, USER_PASSWORD));

        assertThat(later.status()).isEqualTo(200);
        assertThat(later.text("access_token")).isNotBlank();
    }

    @Test
    void otherUsersAreNotHeldUp() {
        String target = server.newUser();
        String bystander = server.newUser();
        for (int i = 0; i < 4; i++) {
            passwordGrant(target, WRONG);
        }

        assertThat(passwordGrant(target, USER_PASSWORD).status()).isEqualTo(429);
        assertThat(passwordGrant(bystander, USER_PASSWORD).status()).isEqualTo(200);
    }
}

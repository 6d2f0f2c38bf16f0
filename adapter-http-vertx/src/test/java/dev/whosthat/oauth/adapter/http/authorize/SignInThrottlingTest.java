package dev.whosthat.oauth.adapter.http.authorize;

import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC_REDIRECT;
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

/** A burst of wrong passwords on the sign-in page: a generic message with 429, and the right user gets in after the window. */
class SignInThrottlingTest {

    /** One free failure, refused from the third, for two seconds: short enough to wait out. */
    private static final ThrottlePolicy QUICK =
            new ThrottlePolicy(1, 3, Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ofMillis(20));

    @RegisterExtension
    static final TestServer server = new TestServer(new ThrottleSettings(QUICK, ThrottlePolicy.CLIENT_ADDRESS_DEFAULT));

    private static final String WRONG = "not the password at all";

    @Test
    void theSignInPageShowsAGenericMessageWith429AndLetsTheUserInAfterTheWindow() throws Exception {
        String user = server.newUser();
        Browser browser = new Browser(server);
        String[] request = Authorize.params(CODE_PUBLIC, CODE_PUBLIC_REDIRECT, "read", "st", Pkce.generate());
        for (int i = 0; i < 3; i++) {
            Reply failed = browser.signIn(browser.get(Authorize.uri(request)), user, WRONG);
            assertThat(failed.status()).isEqualTo(200);
        }

        Reply refused = browser.signIn(browser.get(Authorize.uri(request)), user, USER_PASSWORD);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("Too many failed attempts. Wait a few minutes, then try again.")
                .doesNotContain("Check your username and password");
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isEmpty();

        Reply signedIn = Eventually.until(reply -> reply.status() != 429,
                () -> browser.signIn(browser.get(Authorize.uri(request)), user, USER_PASSWORD));

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isPresent();
    }
}

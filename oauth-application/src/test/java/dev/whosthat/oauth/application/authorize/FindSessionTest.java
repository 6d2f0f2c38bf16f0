package dev.whosthat.oauth.application.authorize;

import static dev.whosthat.oauth.application.Harness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestUser;
import dev.whosthat.oauth.domain.session.LoginSession;
import dev.whosthat.oauth.domain.token.Minted;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A signed-in user is not asked to sign in again while the session lives. */
class FindSessionTest {

    private final Harness h = new Harness();
    private final TestUser alice = h.user();
    private final Minted<LoginSession> signedIn = await(h.useCases.signIn().handle(alice.username(), alice.password())).orElseThrow();

    @Test
    void cookieValueFindsTheSession() {
        assertThat(find(signedIn.value().value())).contains(signedIn.token());
    }

    @Test
    void sessionIsFoundUntilJustBeforeItExpires() {
        h.clock.advance(TokenLifetimes.DEFAULT_SESSION.minusSeconds(1));

        assertThat(find(signedIn.value().value())).contains(signedIn.token());
    }

    @Test
    void expiredSessionIsNotFound() {
        h.clock.advance(TokenLifetimes.DEFAULT_SESSION);

        assertThat(find(signedIn.value().value())).isEmpty();
    }

    @Test
    void absentCookieFindsNothing() {
        assertThat(await(h.useCases.findSession().handle(Optional.empty()))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage with spaces", "caf\u00e9", "==", "abc=def"})
    void malformedCookieFindsNothing(String cookie) {
        assertThat(find(cookie)).isEmpty();
    }

    @Test
    void wellFormedButUnknownCookieFindsNothing() {
        assertThat(find(h.generator.newToken().value())).isEmpty();
    }

    @Test
    void overlongCookieFindsNothing() {
        assertThat(find("a".repeat(10_000))).isEmpty();
    }

    @Test
    void digestOfTheCookieValueIsNotACookie() {
        assertThat(find(signedIn.value().digest().hex())).isEmpty();
    }

    @Test
    void sessionOfTheConfiguredLifetimeExpiresThen() {
        var lifetimes = new TokenLifetimes(Harness.ACCESS_LIFETIME, Harness.REFRESH_LIFETIME, TokenLifetimes.DEFAULT_CODE,
                Duration.ofMinutes(20));
        var shortLived = h.wiredWith(lifetimes);
        String cookie = await(shortLived.signIn().handle(alice.username(), alice.password())).orElseThrow().value().value();

        h.clock.advance(Duration.ofMinutes(19));
        assertThat(await(shortLived.findSession().handle(Optional.of(cookie)))).isPresent();
        h.clock.advance(Duration.ofMinutes(1));
        assertThat(await(shortLived.findSession().handle(Optional.of(cookie)))).isEmpty();
    }

    private Optional<LoginSession> find(String cookie) {
        return await(h.useCases.findSession().handle(Optional.of(cookie)));
    }
}

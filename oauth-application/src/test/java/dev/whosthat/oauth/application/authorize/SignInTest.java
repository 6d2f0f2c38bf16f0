package dev.whosthat.oauth.application.authorize;

import static dev.whosthat.oauth.application.Harness.await;
import static dev.whosthat.oauth.application.Harness.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestUser;
import dev.whosthat.oauth.domain.error.OAuthError;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.session.LoginSession;
import dev.whosthat.oauth.domain.token.Minted;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.Username;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Signing in at the server's own pages: a session whose cookie value is stored only as a digest. */
class SignInTest {

    private final Harness h = new Harness();
    private final TestUser alice = h.user();

    @Test
    void rightPasswordOpensASessionForTheUser() {
        Minted<LoginSession> signedIn = signIn(alice.username(), alice.password()).orElseThrow();

        assertThat(signedIn.token().owner()).isEqualTo(alice.account().asOwner());
        assertThat(signedIn.token().authenticatedAt()).isEqualTo(Harness.NOW);
    }

    @Test
    void sessionIsStoredUnderTheDigestOfTheCookieValue() {
        Minted<LoginSession> signedIn = signIn(alice.username(), alice.password()).orElseThrow();

        assertThat(await(h.sessions.find(signedIn.value().digest()))).contains(signedIn.token());
        assertThat(signedIn.token().digest()).isEqualTo(signedIn.value().digest());
        assertThat(signedIn.token().toString()).doesNotContain(signedIn.value().value());
    }

    @Test
    void sessionLastsEightHoursByDefault() {
        h.clock.advance(Duration.ofMinutes(5));

        LoginSession session = signIn(alice.username(), alice.password()).orElseThrow().token();

        assertThat(session.expiresAt()).isEqualTo(Harness.NOW.plus(Duration.ofMinutes(5)).plus(TokenLifetimes.DEFAULT_SESSION));
        assertThat(TokenLifetimes.DEFAULT_SESSION).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void sessionLastsTheConfiguredLifetime() {
        var lifetimes = new TokenLifetimes(Harness.ACCESS_LIFETIME, Harness.REFRESH_LIFETIME, TokenLifetimes.DEFAULT_CODE,
                Duration.ofMinutes(20));

        LoginSession session = await(h.wiredWith(lifetimes).signIn().handle(alice.username(), alice.password()))
                .orElseThrow().token();

        assertThat(session.expiresAt()).isEqualTo(Harness.NOW.plus(Duration.ofMinutes(20)));
    }

    @Test
    void everySignInOpensANewSession() {
        Minted<LoginSession> first = signIn(alice.username(), alice.password()).orElseThrow();
        Minted<LoginSession> second = signIn(alice.username(), alice.password()).orElseThrow();

        assertThat(second.value()).isNotEqualTo(first.value());
        assertThat(await(h.sessions.find(first.value().digest()))).isPresent();
        assertThat(await(h.sessions.find(second.value().digest()))).isPresent();
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameRejection() {
        OAuthError wrongPassword = rejection(signIn(alice.username(), new Password("not-" + alice.password().value())));
        OAuthError unknownUser = rejection(signIn(new Username("nobody-" + alice.username().value()), alice.password()));

        assertThat(wrongPassword).isEqualTo(unknownUser);
    }

    @Test
    void anotherUsersPasswordIsRejectedLikeAWrongOne() {
        TestUser bob = h.user();

        assertThat(rejection(signIn(alice.username(), bob.password())))
                .isEqualTo(rejection(signIn(alice.username(), new Password("wrong"))));
    }

    private Outcome<Minted<LoginSession>> signIn(Username username, Password password) {
        return await(h.useCases.signIn().handle(username, password));
    }
}

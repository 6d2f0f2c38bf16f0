package dev.whosthat.oauth.application.throttle;

import static dev.whosthat.oauth.application.Harness.await;
import static dev.whosthat.oauth.application.Harness.rejection;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.application.Harness.TestUser;
import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.application.token.GrantRequest;
import dev.whosthat.oauth.application.token.TokenGranted;
import dev.whosthat.oauth.application.token.TokenRequest;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.throttle.ThrottleKey;
import dev.whosthat.oauth.domain.throttle.ThrottlePolicy;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.Username;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Repeated failures for one username or one source address are slowed, then refused until the window closes. */
class ThrottlingTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    /** One free failure, refused from the third; delays of a few milliseconds keep the test quick. */
    private static final ThrottlePolicy TIGHT = new ThrottlePolicy(1, 3, WINDOW, Duration.ofMillis(5), Duration.ofMillis(10));
    private static final SourceAddress ATTACKER = new SourceAddress("203.0.113.7");
    private static final SourceAddress NEIGHBOUR = new SourceAddress("198.51.100.20");

    private final Harness h = new Harness();
    private final OAuthUseCases throttled = h.wiredWith(new ThrottleSettings(TIGHT, TIGHT));
    private final TestUser alice = h.user();
    private final TestClient app = h.confidential(Scope.EMPTY, GrantType.PASSWORD, GrantType.CLIENT_CREDENTIALS);

    private Outcome<?> signIn(Username username, Password password) {
        return await(throttled.signIn().handle(username, password, Optional.empty(), ATTACKER));
    }

    private Outcome<TokenGranted> passwordGrant(Password password, SourceAddress source) {
        return await(throttled.requestToken().handle(new TokenRequest(app.credentials(),
                new GrantRequest.ResourceOwnerPassword(alice.username(), password, Scope.EMPTY), source)));
    }

    private Outcome<TokenGranted> clientCredentials(ClientCredentials credentials, SourceAddress source) {
        return await(throttled.requestToken().handle(new TokenRequest(credentials,
                new GrantRequest.ClientCredentials(Scope.EMPTY), source)));
    }

    private static final Password WRONG = new Password("not the password");

    @Test
    void failuresBelowTheLimitAreOrdinaryRejections() {
        assertThat(rejection(signIn(alice.username(), WRONG)).code()).isEqualTo(OAuthErrorCode.INVALID_GRANT);
        assertThat(rejection(signIn(alice.username(), WRONG)).code()).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void aUsernameWithTooManyFailuresIsRefusedEvenWithTheRightPassword() {
        signIn(alice.username(), WRONG);
        signIn(alice.username(), WRONG);
        signIn(alice.username(), WRONG);

        var refused = rejection(signIn(alice.username(), alice.password()));

        assertThat(refused.code()).isEqualTo(OAuthErrorCode.TOO_MANY_ATTEMPTS);
        assertThat(refused.retryAfter()).contains(WINDOW);
        assertThat(h.events(SecurityEventType.ATTEMPT_THROTTLED)).singleElement()
                .satisfies(event -> assertThat(event.subject()).contains(alice.username().value()));
    }

    @Test
    void theRightUserGetsInOnceTheWindowHasClosed() {
        for (int i = 0; i < 5; i++) {
            signIn(alice.username(), WRONG);
        }
        h.clock.advance(Duration.ofMinutes(4));
        assertThat(rejection(signIn(alice.username(), alice.password())).retryAfter()).contains(Duration.ofMinutes(6));

        h.clock.advance(Duration.ofMinutes(6));

        assertThat(signIn(alice.username(), alice.password()).isOk()).isTrue();
    }

    @Test
    void aSuccessClearsTheUsernamesFailures() {
        signIn(alice.username(), WRONG);
        signIn(alice.username(), WRONG);
        assertThat(signIn(alice.username(), alice.password()).isOk()).isTrue();

        signIn(alice.username(), WRONG);
        signIn(alice.username(), WRONG);

        assertThat(signIn(alice.username(), alice.password()).isOk()).isTrue();
    }

    @Test
    void unknownUsernamesAreCountedLikeKnownOnes() {
        Username nobody = new Username("nobody-" + h.generator.newId());
        for (int i = 0; i < 3; i++) {
            signIn(nobody, WRONG);
        }

        assertThat(rejection(signIn(nobody, WRONG)).code()).isEqualTo(OAuthErrorCode.TOO_MANY_ATTEMPTS);
    }

    @Test
    void signInPageAndPasswordGrantShareTheUsernamesCount() {
        signIn(alice.username(), WRONG);
        passwordGrant(WRONG, NEIGHBOUR);
        signIn(alice.username(), WRONG);

        assertThat(rejection(passwordGrant(alice.password(), NEIGHBOUR)).code()).isEqualTo(OAuthErrorCode.TOO_MANY_ATTEMPTS);
        assertThat(await(h.failures.current(ThrottleKey.of(alice.username()), h.clock.instant())).failures()).isEqualTo(3);
    }

    @Test
    void anotherUsernameIsNotHeldUpByOnesFailures() {
        TestUser bob = h.user();
        for (int i = 0; i < 3; i++) {
            signIn(alice.username(), WRONG);
        }

        assertThat(signIn(bob.username(), bob.password()).isOk()).isTrue();
    }

    @Test
    void anAddressWithTooManyClientFailuresIsRefusedBeforeAnyCheck() {
        var wrongSecret = new ClientCredentials.WithSecret(app.id(), new ClientSecret("x".repeat(40)), app.registered().authMethod());
        for (int i = 0; i < 3; i++) {
            assertThat(rejection(clientCredentials(wrongSecret, ATTACKER)).code()).isEqualTo(OAuthErrorCode.INVALID_CLIENT);
        }

        var refused = rejection(clientCredentials(app.credentials(), ATTACKER));

        assertThat(refused.code()).isEqualTo(OAuthErrorCode.TOO_MANY_ATTEMPTS);
        assertThat(refused.retryAfter()).isPresent();
        assertThat(clientCredentials(app.credentials(), NEIGHBOUR).isOk()).isTrue();
    }

    @Test
    void aGoodClientDoesNotClearItsAddressesFailures() {
        var wrongSecret = new ClientCredentials.WithSecret(app.id(), new ClientSecret("y".repeat(40)), app.registered().authMethod());
        clientCredentials(wrongSecret, ATTACKER);
        clientCredentials(wrongSecret, ATTACKER);
        assertThat(clientCredentials(app.credentials(), ATTACKER).isOk()).isTrue();

        clientCredentials(wrongSecret, ATTACKER);

        assertThat(rejection(clientCredentials(app.credentials(), ATTACKER)).code()).isEqualTo(OAuthErrorCode.TOO_MANY_ATTEMPTS);
    }
}

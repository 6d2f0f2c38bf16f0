package dev.whosthat.oauth.application.token;

import dev.whosthat.oauth.domain.audit.SecurityEventType;
import static dev.whosthat.oauth.application.Harness.accessValue;
import static dev.whosthat.oauth.application.Harness.await;
import static dev.whosthat.oauth.application.Harness.errorCode;
import static dev.whosthat.oauth.application.Harness.refreshValue;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.application.Harness.TestUser;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.Concurrently;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.RefreshToken;
import dev.whosthat.oauth.domain.token.TokenValue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** RFC 6749 §6, with rotation and reuse detection (RFC 9700 §4.14.2). */
class RefreshGrantTest {

    private final Harness h = new Harness();
    private final TestClient app = h.confidential(scope("read write"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
    private final TestUser alice = h.user();
    private final TokenGranted first = h.password(app, alice, Scope.EMPTY).orElseThrow();

    @Test
    void refreshIssuesANewAccessTokenAndANewRefreshToken() {
        h.clock.advance(Duration.ofMinutes(10));

        TokenGranted next = h.refresh(app, refreshValue(first), Scope.EMPTY).orElseThrow();

        assertThat(accessValue(next)).isNotEqualTo(accessValue(first));
        assertThat(refreshValue(next)).isNotEqualTo(refreshValue(first));
        assertThat(next.tokens().grant()).isEqualTo(first.tokens().grant());
        assertThat(first.tokens().opensGrant()).isTrue();
        assertThat(next.tokens().opensGrant()).isFalse();
        assertThat(next.tokens().access().token().issuedAt()).isEqualTo(Harness.NOW.plus(Duration.ofMinutes(10)));
        assertThat(next.tokens().access().token().owner()).contains(alice.account().asOwner());
        assertThat(h.validate(accessValue(next), scope("read write")).isOk()).isTrue();
    }

    @Test
    void rotatedRefreshTokenIsMarkedRotated() {
        h.refresh(app, refreshValue(first), Scope.EMPTY).orElseThrow();

        assertThat(await(h.tokens.findRefreshToken(refreshValue(first).digest())))
                .hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(RefreshToken.State.ROTATED));
    }

    @Test
    void noScopeAskedKeepsTheGrantsWholeScope() {
        TokenGranted next = h.refresh(app, refreshValue(first), Scope.EMPTY).orElseThrow();

        assertThat(next.grantedScope()).isEqualTo(scope("read write"));
    }

    @Test
    void narrowerScopeIsGrantedAndTheGrantKeepsItsWholeScope() {
        TokenGranted narrowed = h.refresh(app, refreshValue(first), scope("read")).orElseThrow();

        assertThat(narrowed.grantedScope()).isEqualTo(scope("read"));
        assertThat(narrowed.tokens().refresh().orElseThrow().token().scope()).isEqualTo(scope("read write"));
        TokenGranted widenedAgain = h.refresh(app, refreshValue(narrowed), scope("read write")).orElseThrow();
        assertThat(widenedAgain.grantedScope()).isEqualTo(scope("read write"));
    }

    @Test
    void scopeBeyondTheGrantIsInvalidScopeAndTheTokenStaysUsable() {
        TokenGranted narrowGrant = h.password(app, alice, scope("read")).orElseThrow();

        assertThat(errorCode(h.refresh(app, refreshValue(narrowGrant), scope("read write"))))
                .isEqualTo(OAuthErrorCode.INVALID_SCOPE);

        assertThat(h.refresh(app, refreshValue(narrowGrant), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void anotherClientsRefreshTokenIsInvalidGrantAndStaysUsableByItsOwner() {
        TestClient other = h.confidential(scope("read write"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);

        assertThat(errorCode(h.refresh(other, refreshValue(first), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertThat(h.refresh(app, refreshValue(first), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void expiredRefreshTokenIsInvalidGrant() {
        h.clock.advance(Harness.REFRESH_LIFETIME);

        assertThat(errorCode(h.refresh(app, refreshValue(first), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void refreshTokenWorksUntilJustBeforeItExpires() {
        h.clock.advance(Harness.REFRESH_LIFETIME.minusSeconds(1));

        assertThat(h.refresh(app, refreshValue(first), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void unknownRefreshTokenIsInvalidGrant() {
        assertThat(errorCode(h.refresh(app, h.generator.newToken(), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void accessTokenPresentedAsRefreshTokenIsInvalidGrant() {
        assertThat(errorCode(h.refresh(app, accessValue(first), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void reuseOfARotatedTokenIsInvalidGrantAndRevokesEveryTokenOfTheGrant() {
        TokenGranted second = h.refresh(app, refreshValue(first), Scope.EMPTY).orElseThrow();

        assertThat(errorCode(h.refresh(app, refreshValue(first), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertThat(errorCode(h.validate(accessValue(second), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
        assertThat(errorCode(h.validate(accessValue(first), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
        assertThat(errorCode(h.refresh(app, refreshValue(second), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
        assertThat(h.events(SecurityEventType.REFRESH_TOKEN_REUSE_DETECTED)).singleElement().satisfies(event -> {
            assertThat(event.client()).contains(app.id());
            assertThat(event.subject()).contains(alice.username().value());
        });
    }

    @Test
    void reuseRevokesOnlyThatGrant() {
        TokenGranted otherGrant = h.password(app, alice, Scope.EMPTY).orElseThrow();
        h.refresh(app, refreshValue(first), Scope.EMPTY).orElseThrow();

        h.refresh(app, refreshValue(first), Scope.EMPTY);

        assertThat(h.validate(accessValue(otherGrant), Scope.EMPTY).isOk()).isTrue();
        assertThat(h.refresh(app, refreshValue(otherGrant), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void concurrentRefreshesWithOneTokenSucceedOnce() throws Exception {
        List<Outcome<TokenGranted>> results = Concurrently.run(Concurrently.THREADS,
                i -> CompletableFuture.completedFuture(h.refresh(app, refreshValue(first), Scope.EMPTY)));

        assertThat(results).filteredOn(Outcome::isOk).hasSize(1);
        assertThat(results).filteredOn(r -> !r.isOk())
                .allSatisfy(r -> assertThat(errorCode(r)).isEqualTo(OAuthErrorCode.INVALID_GRANT));
    }

    @Test
    void refreshedTokensCanBeRefreshedInTurn() {
        TokenValue refresh = refreshValue(first);
        for (int i = 0; i < 5; i++) {
            h.clock.advance(Duration.ofDays(1));
            refresh = refreshValue(h.refresh(app, refresh, Scope.EMPTY).orElseThrow());
        }

        assertThat(await(h.tokens.findRefreshToken(refresh.digest())))
                .hasValueSatisfying(t -> assertThat(t.isActiveAt(h.clock.instant())).isTrue());
    }
}

package dev.whosthat.oauth.application.revoke;

import static dev.whosthat.oauth.application.Harness.accessValue;
import static dev.whosthat.oauth.application.Harness.errorCode;
import static dev.whosthat.oauth.application.Harness.refreshValue;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.application.Harness.TestUser;
import dev.whosthat.oauth.application.introspect.TokenHint;
import dev.whosthat.oauth.application.token.TokenGranted;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.TokenValue;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 7009 */
class RevokeTokenTest {

    private static final Outcome<RevokeToken.Revoked> DONE = Outcome.ok(RevokeToken.Revoked.DONE);

    private final Harness h = new Harness();
    private final TestClient app = h.confidential(scope("read"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
    private final TestClient other = h.confidential(scope("read"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
    private final TestUser alice = h.user();
    private final TokenGranted granted = h.password(app, alice, Scope.EMPTY).orElseThrow();

    @Test
    void unknownTokenIsRevokedSuccessfully() {
        assertThat(h.revoke(app, h.generator.newToken())).isEqualTo(DONE);
    }

    @Test
    void malformedTokenIsRevokedSuccessfully() {
        assertThat(h.revoke(app.credentials(), TokenValue.parse("not a token"), Optional.empty())).isEqualTo(DONE);
    }

    @Test
    void ownAccessTokenIsGone() {
        assertThat(h.revoke(app, accessValue(granted))).isEqualTo(DONE);

        assertThat(errorCode(h.validate(accessValue(granted), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
    }

    @Test
    void revokingTwiceSucceedsTwice() {
        assertThat(h.revoke(app, accessValue(granted))).isEqualTo(DONE);
        assertThat(h.revoke(app, accessValue(granted))).isEqualTo(DONE);
    }

    @Test
    void refreshTokenRevokesTheWholeGrantAccessTokensIncluded() {
        TokenGranted rotated = h.refresh(app, refreshValue(granted), Scope.EMPTY).orElseThrow();

        assertThat(h.revoke(app, refreshValue(rotated))).isEqualTo(DONE);

        assertThat(errorCode(h.validate(accessValue(granted), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
        assertThat(errorCode(h.validate(accessValue(rotated), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
        assertThat(errorCode(h.refresh(app, refreshValue(rotated), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void hintOnlySaysWhereToLookFirst() {
        assertThat(h.revoke(app.credentials(), Optional.of(accessValue(granted)), Optional.of(TokenHint.REFRESH_TOKEN)))
                .isEqualTo(DONE);

        assertThat(errorCode(h.validate(accessValue(granted), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
    }

    @Test
    void anotherClientsAccessTokenIsUnauthorizedClientAndStillWorks() {
        assertThat(errorCode(h.revoke(other, accessValue(granted)))).isEqualTo(OAuthErrorCode.UNAUTHORIZED_CLIENT);

        assertThat(h.validate(accessValue(granted), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void anotherClientsRefreshTokenIsUnauthorizedClientAndStillWorks() {
        assertThat(errorCode(h.revoke(other, refreshValue(granted)))).isEqualTo(OAuthErrorCode.UNAUTHORIZED_CLIENT);

        assertThat(h.validate(accessValue(granted), Scope.EMPTY).isOk()).isTrue();
        assertThat(h.refresh(app, refreshValue(granted), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void publicClientMayRevokeItsOwnTokens() {
        TestClient publicApp = h.publicClient(scope("profile"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        TokenGranted own = h.password(publicApp, alice, Scope.EMPTY).orElseThrow();

        assertThat(h.revoke(publicApp, refreshValue(own))).isEqualTo(DONE);

        assertThat(errorCode(h.validate(accessValue(own), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
    }

    @Test
    void unauthenticatedCallerIsInvalidClientAndRevokesNothing() {
        var wrong = new ClientCredentials.WithSecret(app.id(), new ClientSecret("wrong"), ClientAuthMethod.CLIENT_SECRET_BASIC);

        assertThat(errorCode(h.revoke(wrong, Optional.of(accessValue(granted)), Optional.empty())))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT);

        assertThat(h.validate(accessValue(granted), Scope.EMPTY).isOk()).isTrue();
    }
}

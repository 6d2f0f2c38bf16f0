package dev.whosthat.oauth.application.bearer;

import static dev.whosthat.oauth.application.Harness.accessValue;
import static dev.whosthat.oauth.application.Harness.errorCode;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.application.token.TokenGranted;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.scope.Scope;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6750 §3.1 */
class ValidateBearerTokenTest {

    private final Harness h = new Harness();
    private final TestClient service = h.confidential(scope("orders:read orders:write"), GrantType.CLIENT_CREDENTIALS);
    private final TokenGranted granted = h.clientCredentials(service, scope("orders:read")).orElseThrow();

    @Test
    void validTokenWithTheRequiredScopeIsAccepted() {
        assertThat(h.validate(accessValue(granted), scope("orders:read")).orElseThrow())
                .isEqualTo(granted.tokens().access().token());
    }

    @Test
    void resourceRequiringNoScopeAcceptsAnyValidToken() {
        assertThat(h.validate(accessValue(granted), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void tokenWithoutTheRequiredScopeIsInsufficientScope() {
        assertThat(errorCode(h.validate(accessValue(granted), scope("orders:write"))))
                .isEqualTo(OAuthErrorCode.INSUFFICIENT_SCOPE);
        assertThat(errorCode(h.validate(accessValue(granted), scope("orders:read orders:write"))))
                .isEqualTo(OAuthErrorCode.INSUFFICIENT_SCOPE);
    }

    @Test
    void unknownTokenIsInvalidToken() {
        assertThat(errorCode(h.validate(h.generator.newToken(), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "not a token", "abc=def", "caf\u00e9"})
    void malformedTokenIsInvalidToken(String presented) {
        assertThat(errorCode(h.validate(presented, Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
    }

    @Test
    void nullTokenIsInvalidToken() {
        assertThat(errorCode(h.validate((String) null, Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
    }

    @Test
    void expiredTokenIsInvalidToken() {
        h.clock.advance(Harness.ACCESS_LIFETIME);

        assertThat(errorCode(h.validate(accessValue(granted), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
    }

    @Test
    void tokenIsValidUntilJustBeforeItExpires() {
        h.clock.advance(Harness.ACCESS_LIFETIME.minus(Duration.ofSeconds(1)));

        assertThat(h.validate(accessValue(granted), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void expiryIsCheckedBeforeScope() {
        h.clock.advance(Harness.ACCESS_LIFETIME);

        assertThat(errorCode(h.validate(accessValue(granted), scope("admin")))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
    }

    @Test
    void revokedTokenIsInvalidToken() {
        h.revoke(service, accessValue(granted)).orElseThrow();

        assertThat(errorCode(h.validate(accessValue(granted), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
    }
}

package dev.whosthat.oauth.application.token;

import static dev.whosthat.oauth.application.Harness.NOW;
import static dev.whosthat.oauth.application.Harness.errorCode;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.AccessToken;
import org.junit.jupiter.api.Test;

/** RFC 6749 §4.4 */
class ClientCredentialsGrantTest {

    private final Harness h = new Harness();
    private final TestClient service = h.confidential(scope("read write"), GrantType.CLIENT_CREDENTIALS,
            GrantType.REFRESH_TOKEN);

    @Test
    void issuesAnAccessTokenAndNoRefreshTokenEvenWhenTheClientMayRefresh() {
        TokenGranted granted = h.clientCredentials(service, scope("read")).orElseThrow();

        assertThat(granted.tokens().refresh()).isEmpty();
        assertThat(granted.expiresInSeconds()).isEqualTo(3600);
        AccessToken stored = h.validate(Harness.accessValue(granted), Scope.EMPTY).orElseThrow();
        assertThat(stored.clientId()).isEqualTo(service.id());
        assertThat(stored.owner()).isEmpty();
        assertThat(stored.issuedAt()).isEqualTo(NOW);
        assertThat(stored.expiresAt()).isEqualTo(NOW.plus(Harness.ACCESS_LIFETIME));
    }

    @Test
    void noScopeAskedGrantsTheClientsWholeScopeAndSaysSo() {
        TokenGranted granted = h.clientCredentials(service, Scope.EMPTY).orElseThrow();

        assertThat(granted.grantedScope()).isEqualTo(scope("read write"));
        assertThat(granted.mustStateScope()).isTrue();
    }

    @Test
    void narrowerScopeIsGrantedAsAsked() {
        TokenGranted granted = h.clientCredentials(service, scope("write")).orElseThrow();

        assertThat(granted.grantedScope()).isEqualTo(scope("write"));
        assertThat(granted.mustStateScope()).isFalse();
    }

    @Test
    void scopeBeyondTheClientsIsInvalidScope() {
        assertThat(errorCode(h.clientCredentials(service, scope("read admin")))).isEqualTo(OAuthErrorCode.INVALID_SCOPE);
    }

    @Test
    void everyRequestIsANewGrantWithNewTokens() {
        TokenGranted first = h.clientCredentials(service, Scope.EMPTY).orElseThrow();
        TokenGranted second = h.clientCredentials(service, Scope.EMPTY).orElseThrow();

        assertThat(first.tokens().grant()).isNotEqualTo(second.tokens().grant());
        assertThat(Harness.accessValue(first)).isNotEqualTo(Harness.accessValue(second));
    }

    @Test
    void theNewGrantsIdBeginsWithItsIssueTime() {
        assertThat(h.clientCredentials(service, Scope.EMPTY).orElseThrow().tokens().grant().value())
                .startsWith(Harness.grantTimeAtNow());
    }

    @Test
    void theResponseOpensItsGrantForTheStore() {
        assertThat(h.clientCredentials(service, Scope.EMPTY).orElseThrow().tokens().opensGrant()).isTrue();
    }
}

package dev.whosthat.oauth.application.token;

import static dev.whosthat.oauth.application.Harness.errorCode;
import static dev.whosthat.oauth.application.Harness.rejection;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.error.OAuthError;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.scope.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The token endpoint's common steps: client authentication (RFC 6749 §2.3) and the grant type check. */
class RequestTokenTest {

    private static final OAuthError INVALID_CLIENT = OAuthError.of(OAuthErrorCode.INVALID_CLIENT, "client authentication failed");

    private final Harness h = new Harness();
    private final TestClient client = h.confidential(scope("read"), GrantType.CLIENT_CREDENTIALS);
    private final ClientSecret secret = client.secret().orElseThrow();
    private final GrantRequest grant = new GrantRequest.ClientCredentials(Scope.EMPTY);

    @Test
    void registeredClientWithItsSecretGetsAToken() {
        assertThat(h.token(client.credentials(), grant).isOk()).isTrue();
    }

    @Test
    void unknownClientIsInvalidClient() {
        var unknown = new ClientCredentials.WithSecret(new ClientId("nobody"), secret, ClientAuthMethod.CLIENT_SECRET_BASIC);

        assertThat(rejection(h.token(unknown, grant))).isEqualTo(INVALID_CLIENT);
        assertThat(rejection(h.token(new ClientCredentials.PublicClient(new ClientId("nobody")), grant)))
                .isEqualTo(INVALID_CLIENT);
    }

    @Test
    void wrongSecretIsInvalidClient() {
        var wrong = new ClientCredentials.WithSecret(client.id(), new ClientSecret(secret.value() + "x"),
                ClientAuthMethod.CLIENT_SECRET_BASIC);

        assertThat(rejection(h.token(wrong, grant))).isEqualTo(INVALID_CLIENT);
    }

    @Test
    void rightSecretWithAnotherMethodIsInvalidClient() {
        var viaPost = new ClientCredentials.WithSecret(client.id(), secret, ClientAuthMethod.CLIENT_SECRET_POST);

        assertThat(rejection(h.token(viaPost, grant))).isEqualTo(INVALID_CLIENT);
    }

    @Test
    void confidentialClientWithoutItsSecretIsInvalidClient() {
        assertThat(rejection(h.token(new ClientCredentials.PublicClient(client.id()), grant))).isEqualTo(INVALID_CLIENT);
    }

    @Test
    void publicClientPresentingASecretIsInvalidClient() {
        TestClient app = h.publicClient(scope("profile"), GrantType.PASSWORD);
        var withSecret = new ClientCredentials.WithSecret(app.id(), secret, ClientAuthMethod.CLIENT_SECRET_POST);

        assertThat(rejection(h.token(withSecret, new GrantRequest.ClientCredentials(Scope.EMPTY))))
                .isEqualTo(INVALID_CLIENT);
    }

    @Test
    void clientSecretPostClientAuthenticatesWithPost() {
        TestClient post = h.confidential(ClientAuthMethod.CLIENT_SECRET_POST, scope("read"), GrantType.CLIENT_CREDENTIALS);

        assertThat(h.clientCredentials(post, Scope.EMPTY).isOk()).isTrue();
        var viaBasic = new ClientCredentials.WithSecret(post.id(), post.secret().orElseThrow(),
                ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(rejection(h.token(viaBasic, grant))).isEqualTo(INVALID_CLIENT);
    }

    @Test
    void unregisteredGrantTypeIsUnauthorizedClient() {
        var user = h.user();
        var password = new GrantRequest.ResourceOwnerPassword(user.username(), user.password(), Scope.EMPTY);

        assertThat(errorCode(h.token(client.credentials(), password))).isEqualTo(OAuthErrorCode.UNAUTHORIZED_CLIENT);
    }

    @Test
    void refreshByAClientWithoutTheRefreshGrantIsUnauthorizedClient() {
        TestClient noRefresh = h.confidential(scope("read"), GrantType.PASSWORD);
        TestClient withRefresh = h.confidential(scope("read"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        var refreshToken = Harness.refreshValue(h.password(withRefresh, h.user(), Scope.EMPTY).orElseThrow());

        assertThat(errorCode(h.refresh(noRefresh, refreshToken, Scope.EMPTY))).isEqualTo(OAuthErrorCode.UNAUTHORIZED_CLIENT);
    }

    @Test
    void authenticationIsCheckedBeforeTheGrantType() {
        var wrong = new ClientCredentials.WithSecret(client.id(), new ClientSecret("wrong"), ClientAuthMethod.CLIENT_SECRET_BASIC);
        var refresh = new GrantRequest.Refresh(h.generator.newToken(), Scope.EMPTY);

        assertThat(rejection(h.token(wrong, refresh))).isEqualTo(INVALID_CLIENT);
    }

    @Test
    void everyClientAuthenticationFailureLooksTheSame() {
        TestClient app = h.publicClient(scope("profile"), GrantType.PASSWORD);
        List<ClientCredentials> failures = List.of(
                new ClientCredentials.WithSecret(new ClientId("nobody"), secret, ClientAuthMethod.CLIENT_SECRET_BASIC),
                new ClientCredentials.WithSecret(client.id(), new ClientSecret("wrong"), ClientAuthMethod.CLIENT_SECRET_BASIC),
                new ClientCredentials.WithSecret(client.id(), secret, ClientAuthMethod.CLIENT_SECRET_POST),
                new ClientCredentials.PublicClient(client.id()),
                new ClientCredentials.WithSecret(app.id(), secret, ClientAuthMethod.CLIENT_SECRET_BASIC));

        assertThat(failures).allSatisfy(credentials -> assertThat(rejection(h.token(credentials, grant))).isEqualTo(INVALID_CLIENT));
    }
}

package dev.whosthat.oauth.domain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.whosthat.oauth.domain.error.OAuthError;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegisteredClientTest {

    private static final ClientId ID = new ClientId("billing-service");
    private static final String SECRET = "a-long-random-secret-0123456789abcdef";
    private static final OAuthError INVALID_CLIENT = OAuthError.of(OAuthErrorCode.INVALID_CLIENT, "client authentication failed");

    private static RegisteredClient confidential(ClientAuthMethod method) {
        return new RegisteredClient(ID, "Billing", method, Optional.of(SecretDigest.of(SECRET)),
                Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.REFRESH_TOKEN), List.of(), Scope.of(List.of("read")));
    }

    private static RegisteredClient publicClient() {
        return new RegisteredClient(ID, "App", ClientAuthMethod.NONE, Optional.empty(), Set.of(GrantType.PASSWORD),
                List.of(), Scope.EMPTY);
    }

    // --- constructor rules -----------------------------------------------------------------

    @Test
    void secretMethodWithoutSecretIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RegisteredClient(ID, "x",
                ClientAuthMethod.CLIENT_SECRET_BASIC, Optional.empty(), Set.of(), List.of(), Scope.EMPTY))
                .withMessageContaining("has none");
    }

    @Test
    void publicClientWithSecretIsRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RegisteredClient(ID, "x", ClientAuthMethod.NONE,
                Optional.of(SecretDigest.of(SECRET)), Set.of(), List.of(), Scope.EMPTY))
                .withMessageContaining("must not have a secret");
    }

    @Test
    void publicClientCannotUseClientCredentials() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RegisteredClient(ID, "x", ClientAuthMethod.NONE,
                Optional.empty(), Set.of(GrantType.CLIENT_CREDENTIALS), List.of(), Scope.EMPTY))
                .withMessageContaining("client_credentials");
    }

    @Test
    void authorizationCodeNeedsARedirectUri() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RegisteredClient(ID, "x",
                ClientAuthMethod.CLIENT_SECRET_BASIC, Optional.of(SecretDigest.of(SECRET)),
                Set.of(GrantType.AUTHORIZATION_CODE), List.of(), Scope.EMPTY))
                .withMessageContaining("redirect URI");
        assertThat(new RegisteredClient(ID, "x", ClientAuthMethod.CLIENT_SECRET_BASIC, Optional.of(SecretDigest.of(SECRET)),
                Set.of(GrantType.AUTHORIZATION_CODE), List.of(new RedirectUri("https://a.example/cb")), Scope.EMPTY)
                .allows(GrantType.AUTHORIZATION_CODE)).isTrue();
    }

    @Test
    void grantTypesAndRedirectUrisAreCopied() {
        EnumSet<GrantType> grants = EnumSet.of(GrantType.PASSWORD);
        var uris = new java.util.ArrayList<>(List.of(new RedirectUri("https://a.example/cb")));
        var client = new RegisteredClient(ID, "x", ClientAuthMethod.NONE, Optional.empty(), grants, uris, Scope.EMPTY);

        grants.add(GrantType.REFRESH_TOKEN);
        uris.clear();

        assertThat(client.grantTypes()).containsExactly(GrantType.PASSWORD);
        assertThat(client.redirectUris()).hasSize(1);
    }

    @Test
    void confidentialityFollowsTheAuthMethod() {
        assertThat(confidential(ClientAuthMethod.CLIENT_SECRET_BASIC).isConfidential()).isTrue();
        assertThat(confidential(ClientAuthMethod.CLIENT_SECRET_POST).isConfidential()).isTrue();
        assertThat(publicClient().isConfidential()).isFalse();
    }

    // --- authenticate (RFC 6749 §2.3) ------------------------------------------------------

    @Test
    void rightSecretWithTheRegisteredMethodAuthenticates() {
        RegisteredClient client = confidential(ClientAuthMethod.CLIENT_SECRET_BASIC);

        Outcome<RegisteredClient> outcome = client.authenticate(
                new ClientCredentials.WithSecret(ID, new ClientSecret(SECRET), ClientAuthMethod.CLIENT_SECRET_BASIC));

        assertThat(outcome).isEqualTo(Outcome.ok(client));
    }

    @Test
    void wrongSecretIsInvalidClient() {
        assertThat(confidential(ClientAuthMethod.CLIENT_SECRET_BASIC).authenticate(new ClientCredentials.WithSecret(
                ID, new ClientSecret(SECRET + "x"), ClientAuthMethod.CLIENT_SECRET_BASIC)))
                .isEqualTo(Outcome.rejected(INVALID_CLIENT));
    }

    @Test
    void rightSecretWithAnotherMethodIsInvalidClient() {
        assertThat(confidential(ClientAuthMethod.CLIENT_SECRET_BASIC).authenticate(new ClientCredentials.WithSecret(
                ID, new ClientSecret(SECRET), ClientAuthMethod.CLIENT_SECRET_POST)))
                .isEqualTo(Outcome.rejected(INVALID_CLIENT));
        assertThat(confidential(ClientAuthMethod.CLIENT_SECRET_POST).authenticate(new ClientCredentials.WithSecret(
                ID, new ClientSecret(SECRET), ClientAuthMethod.CLIENT_SECRET_BASIC)))
                .isEqualTo(Outcome.rejected(INVALID_CLIENT));
    }

    @Test
    void confidentialClientPresentingNoSecretIsInvalidClient() {
        assertThat(confidential(ClientAuthMethod.CLIENT_SECRET_BASIC).authenticate(new ClientCredentials.PublicClient(ID)))
                .isEqualTo(Outcome.rejected(INVALID_CLIENT));
    }

    @Test
    void credentialsForAnotherClientIdAreInvalidClient() {
        assertThat(confidential(ClientAuthMethod.CLIENT_SECRET_BASIC).authenticate(new ClientCredentials.WithSecret(
                new ClientId("other"), new ClientSecret(SECRET), ClientAuthMethod.CLIENT_SECRET_BASIC)))
                .isEqualTo(Outcome.rejected(INVALID_CLIENT));
    }

    @Test
    void publicClientAuthenticatesByIdAlone() {
        RegisteredClient client = publicClient();

        assertThat(client.authenticate(new ClientCredentials.PublicClient(ID))).isEqualTo(Outcome.ok(client));
    }

    @Test
    void publicClientPresentingASecretIsInvalidClient() {
        assertThat(publicClient().authenticate(new ClientCredentials.WithSecret(ID, new ClientSecret(SECRET),
                ClientAuthMethod.CLIENT_SECRET_POST))).isEqualTo(Outcome.rejected(INVALID_CLIENT));
    }

    @Test
    void withSecretCredentialsRequireASecretMethod() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ClientCredentials.WithSecret(ID, new ClientSecret(SECRET), ClientAuthMethod.NONE));
    }

    // --- mayUse (RFC 6749 §5.2) ------------------------------------------------------------

    @Test
    void mayUseARegisteredGrantType() {
        RegisteredClient client = confidential(ClientAuthMethod.CLIENT_SECRET_BASIC);

        assertThat(client.mayUse(GrantType.CLIENT_CREDENTIALS)).isEqualTo(Outcome.ok(client));
    }

    @Test
    void unregisteredGrantTypeIsUnauthorizedClient() {
        assertThat(confidential(ClientAuthMethod.CLIENT_SECRET_BASIC).mayUse(GrantType.PASSWORD))
                .isInstanceOfSatisfying(Outcome.Rejected.class,
                        r -> assertThat(r.error().code()).isEqualTo(OAuthErrorCode.UNAUTHORIZED_CLIENT));
    }
}

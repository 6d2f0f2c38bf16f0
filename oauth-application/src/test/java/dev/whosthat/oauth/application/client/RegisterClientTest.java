package dev.whosthat.oauth.application.client;

import static dev.whosthat.oauth.application.Harness.await;
import static dev.whosthat.oauth.application.Harness.errorCode;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RegisterClientTest {

    private static final ClientId ID = new ClientId("reporting");
    private static final ClientSecret SECRET = new ClientSecret("reporting-secret-0123456789-abcdefghij");

    private final Harness h = new Harness();

    private static ClientRegistration registration(ClientSecret secret, String name) {
        return new ClientRegistration(ID, name, ClientAuthMethod.CLIENT_SECRET_BASIC, Optional.of(secret),
                Set.of(GrantType.CLIENT_CREDENTIALS), List.of(), scope("reports"));
    }

    @Test
    void registeredClientCanAuthenticateWithItsSecret() {
        assertThat(await(h.useCases.registerClient().handle(registration(SECRET, "Reporting"))).isOk()).isTrue();

        var credentials = new ClientCredentials.WithSecret(ID, SECRET, ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(h.token(credentials, new dev.whosthat.oauth.application.token.GrantRequest.ClientCredentials(Scope.EMPTY))
                .orElseThrow().grantedScope()).isEqualTo(scope("reports"));
    }

    @Test
    void secretIsStoredOnlyAsItsDigest() {
        RegisteredClient returned = await(h.useCases.registerClient().handle(registration(SECRET, "Reporting"))).orElseThrow();

        RegisteredClient stored = await(h.clients.findById(ID)).orElseThrow();
        assertThat(stored).isEqualTo(returned);
        assertThat(stored.secretDigest()).contains(SecretDigest.of(SECRET.value()));
        assertThat(stored.toString()).doesNotContain(SECRET.value());
    }

    @Test
    void duplicateIdIsInvalidClientMetadataAndKeepsTheFirstRegistration() {
        await(h.useCases.registerClient().handle(registration(SECRET, "Reporting")));
        var otherSecret = new ClientSecret("another-secret-of-enough-length-0123456789");

        assertThat(errorCode(await(h.useCases.registerClient().handle(registration(otherSecret, "Impostor")))))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT_METADATA);

        RegisteredClient stored = await(h.clients.findById(ID)).orElseThrow();
        assertThat(stored.name()).isEqualTo("Reporting");
        assertThat(stored.secretDigest()).contains(SECRET.digest());
    }
}

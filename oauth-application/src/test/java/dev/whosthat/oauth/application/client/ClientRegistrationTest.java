package dev.whosthat.oauth.application.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.scope.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientRegistrationTest {

    private static final ClientId ID = new ClientId("app");

    private static ClientRegistration withSecret(ClientAuthMethod method, Optional<ClientSecret> secret, Set<GrantType> grants) {
        return new ClientRegistration(ID, "App", method, secret, grants, List.of(), Scope.EMPTY);
    }

    @Test
    void secretShorterThan32CharactersIsRejectedWithAClearMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withSecret(ClientAuthMethod.CLIENT_SECRET_BASIC,
                        Optional.of(new ClientSecret("x".repeat(31))), Set.of(GrantType.CLIENT_CREDENTIALS)))
                .withMessageContaining("client_secret")
                .withMessageContaining("at least 32 characters");
    }

    @Test
    void secretOf32CharactersIsAccepted() {
        ClientRegistration registration = withSecret(ClientAuthMethod.CLIENT_SECRET_POST,
                Optional.of(new ClientSecret("x".repeat(32))), Set.of(GrantType.CLIENT_CREDENTIALS));

        RegisteredClient client = registration.toClient();
        assertThat(client.secretDigest()).contains(new ClientSecret("x".repeat(32)).digest());
        assertThat(client.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_POST);
    }

    @Test
    void secretMethodWithoutSecretIsRejectedWithAClearMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withSecret(ClientAuthMethod.CLIENT_SECRET_BASIC, Optional.empty(),
                        Set.of(GrantType.CLIENT_CREDENTIALS)))
                .withMessageContaining("client_secret_basic")
                .withMessageContaining("no client_secret");
    }

    @Test
    void publicClientWithASecretIsRejectedWithAClearMessage() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withSecret(ClientAuthMethod.NONE, Optional.of(new ClientSecret("x".repeat(40))),
                        Set.of(GrantType.PASSWORD)))
                .withMessageContaining("public")
                .withMessageContaining("must not have a client_secret");
    }

    @Test
    void rulesOfTheRegisteredClientApplyAtOnce() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> withSecret(ClientAuthMethod.NONE, Optional.empty(), Set.of(GrantType.CLIENT_CREDENTIALS)))
                .withMessageContaining("client_credentials");
    }

    @Test
    void publicClientBecomesAClientWithoutSecret() {
        RegisteredClient client = withSecret(ClientAuthMethod.NONE, Optional.empty(), Set.of(GrantType.PASSWORD)).toClient();

        assertThat(client.secretDigest()).isEmpty();
        assertThat(client.isConfidential()).isFalse();
    }
}

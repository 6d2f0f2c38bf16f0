package dev.whosthat.oauth.domain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.whosthat.oauth.domain.token.SecretDigest;
import org.junit.jupiter.api.Test;

class ClientValuesTest {

    @Test
    void clientSecretToStringIsRedacted() {
        ClientSecret secret = new ClientSecret("s3cr3t-value-that-must-not-leak");

        assertThat(secret.toString()).doesNotContain("s3cr3t").isEqualTo("ClientSecret[redacted]");
    }

    @Test
    void clientSecretMustNotBeEmpty() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientSecret(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientSecret(null));
    }

    @Test
    void clientSecretDigestIsTheSha256OfItsValue() {
        assertThat(new ClientSecret("abc").digest()).isEqualTo(SecretDigest.of("abc"));
    }

    @Test
    void clientIdIsPrintableAsciiUpTo255Characters() {
        assertThat(new ClientId("a b~!").value()).isEqualTo("a b~!");
        assertThat(ClientId.isValid("x".repeat(255))).isTrue();
        assertThat(ClientId.isValid("x".repeat(256))).isFalse();
        assertThat(ClientId.isValid("")).isFalse();
        assertThat(ClientId.isValid(null)).isFalse();
        assertThat(ClientId.isValid("tab\there")).isFalse();
        assertThat(ClientId.isValid("caf\u00e9")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new ClientId("line\nbreak"));
    }

    @Test
    void wireNamesRoundTrip() {
        for (GrantType type : GrantType.values()) {
            assertThat(GrantType.fromWire(type.wire())).contains(type);
        }
        for (ClientAuthMethod method : ClientAuthMethod.values()) {
            assertThat(ClientAuthMethod.fromWire(method.wire())).contains(method);
        }
        assertThat(GrantType.fromWire("implicit")).isEmpty();
        assertThat(ClientAuthMethod.fromWire("private_key_jwt")).isEmpty();
        assertThat(GrantType.REFRESH_TOKEN.wire()).isEqualTo("refresh_token");
        assertThat(ClientAuthMethod.CLIENT_SECRET_BASIC.wire()).isEqualTo("client_secret_basic");
    }
}

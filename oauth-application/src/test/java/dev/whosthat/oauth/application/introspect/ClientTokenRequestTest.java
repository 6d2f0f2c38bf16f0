package dev.whosthat.oauth.application.introspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.ClientId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The request that introspection and revocation share. */
class ClientTokenRequestTest {

    private final ClientCredentials client = new ClientCredentials.PublicClient(new ClientId("app"));

    @Test
    void aRequestWithoutAnAddressComesFromAnUnknownOne() {
        ClientTokenRequest request = new ClientTokenRequest(client, Optional.empty(), Optional.of(TokenHint.ACCESS_TOKEN));

        assertThat(request.source()).isEqualTo(SourceAddress.UNKNOWN);
        assertThat(request.hint()).contains(TokenHint.ACCESS_TOKEN);
    }

    @Test
    void everyPartIsRequiredEvenWhenEmpty() {
        SourceAddress here = SourceAddress.of("192.0.2.1");

        assertThatNullPointerException().isThrownBy(() -> new ClientTokenRequest(null, Optional.empty(), Optional.empty(), here))
                .withMessage("credentials");
        assertThatNullPointerException().isThrownBy(() -> new ClientTokenRequest(client, null, Optional.empty(), here))
                .withMessage("token");
        assertThatNullPointerException().isThrownBy(() -> new ClientTokenRequest(client, Optional.empty(), null, here))
                .withMessage("hint");
        assertThatNullPointerException().isThrownBy(() -> new ClientTokenRequest(client, Optional.empty(), Optional.empty(), null))
                .withMessage("source");
    }
}

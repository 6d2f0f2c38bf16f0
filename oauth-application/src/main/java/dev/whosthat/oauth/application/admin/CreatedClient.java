package dev.whosthat.oauth.application.admin;

import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import java.util.Objects;
import java.util.Optional;

/**
 * A client just registered, with its generated secret in clear: the only time anyone sees it, since
 * only its digest is stored. Empty for a public client.
 */
public record CreatedClient(RegisteredClient client, Optional<ClientSecret> secret) {

    public CreatedClient {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(secret, "secret");
    }
}

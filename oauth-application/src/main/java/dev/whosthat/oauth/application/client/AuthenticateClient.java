package dev.whosthat.oauth.application.client;

import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** RFC 6749 §2.3: who is the client of this request? Every failure is the same {@code invalid_client}. */
public final class AuthenticateClient {

    /** Compared against when the client is unknown, so that both failures cost the same work. */
    private static final SecretDigest NO_CLIENT = SecretDigest.of("no client has this secret");

    private final ClientRepository clients;

    public AuthenticateClient(ClientRepository clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    public CompletionStage<Outcome<RegisteredClient>> handle(ClientCredentials presented) {
        return clients.findById(presented.clientId()).thenApply(found -> found
                .map(client -> client.authenticate(presented))
                .orElseGet(() -> unknownClient(presented)));
    }

    private static Outcome<RegisteredClient> unknownClient(ClientCredentials presented) {
        if (presented instanceof ClientCredentials.WithSecret withSecret) {
            NO_CLIENT.matches(withSecret.secret().value());
        }
        return ClientCredentials.failure();
    }
}

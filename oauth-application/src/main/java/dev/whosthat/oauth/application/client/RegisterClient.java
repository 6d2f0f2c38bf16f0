package dev.whosthat.oauth.application.client;

import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.ClientRepository;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Registers a client; its secret is kept only as a digest. */
public final class RegisterClient {

    private final ClientRepository clients;

    public RegisterClient(ClientRepository clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    public CompletionStage<Outcome<RegisteredClient>> handle(ClientRegistration registration) {
        RegisteredClient client = registration.toClient();
        return clients.add(client).thenApply(addition -> switch (addition) {
            case ADDED -> Outcome.ok(client);
            case DUPLICATE -> Outcome.rejected(OAuthErrorCode.INVALID_CLIENT_METADATA, "client_id is already registered");
        });
    }
}

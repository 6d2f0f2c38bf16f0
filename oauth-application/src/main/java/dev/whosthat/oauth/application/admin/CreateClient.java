package dev.whosthat.oauth.application.admin;

import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.port.TokenGenerator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Registers a client for an operator. A confidential client gets a secret of 256 random bits from
 * the token generator (43 characters, above {@link ClientSecret#MIN_REGISTERED_LENGTH}): high
 * entropy is what makes storing only its fast SHA-256 digest safe.
 */
public final class CreateClient {

    private final ClientRepository clients;
    private final TokenGenerator generator;

    public CreateClient(ClientRepository clients, TokenGenerator generator) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.generator = Objects.requireNonNull(generator, "generator");
    }

    public CompletionStage<AdminOutcome<CreatedClient>> handle(NewClient command) {
        Optional<ClientSecret> secret = command.authMethod().usesSecret()
                ? Optional.of(new ClientSecret(generator.newToken().value()))
                : Optional.empty();
        RegisteredClient client = command.withSecret(secret).toClient();
        return clients.add(client).thenApply(addition -> switch (addition) {
            case ADDED -> AdminOutcome.done(new CreatedClient(client, secret));
            case DUPLICATE -> new AdminOutcome.AlreadyExists<>("client " + client.id() + " already exists");
        });
    }
}

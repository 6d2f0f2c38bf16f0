package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Registered clients. A failed stage means the storage failed, never that a client is missing. */
public interface ClientRepository {

    /** The outcome of adding a client. */
    enum Addition { ADDED, DUPLICATE }

    CompletionStage<Optional<RegisteredClient>> findById(ClientId id);

    /** Adds a new client; an existing id is left untouched and reported as {@link Addition#DUPLICATE}. */
    CompletionStage<Addition> add(RegisteredClient client);

    /**
     * Adds the client, or replaces every field of the one registered under its id: how clients
     * listed in the configuration file are put into storage at every start, so that the file stays
     * their source of truth.
     */
    CompletionStage<Void> upsert(RegisteredClient client);

    /** Every registered client, ordered by id. */
    CompletionStage<List<RegisteredClient>> list();

    /**
     * Replaces the secret digest of the confidential client registered under {@code id}, atomically
     * (a concurrent upsert or delete wins or loses as a whole); {@code false}, and nothing changed,
     * when no confidential client has this id. The old secret stops working at once.
     */
    CompletionStage<Boolean> replaceSecret(ClientId id, SecretDigest newSecret);

    /**
     * Forgets the client; {@code false} if there was none with this id. What the client held
     * (tokens, codes, consents) is the caller's to revoke through the other ports.
     */
    CompletionStage<Boolean> delete(ClientId id);
}

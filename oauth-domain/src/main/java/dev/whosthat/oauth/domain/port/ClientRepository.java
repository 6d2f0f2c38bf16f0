package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.RegisteredClient;
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
}

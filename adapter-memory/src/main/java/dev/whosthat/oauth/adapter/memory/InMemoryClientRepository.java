package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Registered clients in a concurrent map. */
public final class InMemoryClientRepository implements ClientRepository {

    private final ConcurrentMap<ClientId, RegisteredClient> clients = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Optional<RegisteredClient>> findById(ClientId id) {
        return CompletableFuture.completedFuture(Optional.ofNullable(clients.get(id)));
    }

    @Override
    public CompletionStage<Addition> add(RegisteredClient client) {
        boolean added = clients.putIfAbsent(client.id(), client) == null;
        return CompletableFuture.completedFuture(added ? Addition.ADDED : Addition.DUPLICATE);
    }

    @Override
    public CompletionStage<Void> upsert(RegisteredClient client) {
        clients.put(client.id(), client);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<List<RegisteredClient>> list() {
        List<RegisteredClient> all = clients.values().stream()
                .sorted(Comparator.comparing(c -> c.id().value()))
                .toList();
        return CompletableFuture.completedFuture(all);
    }

    @Override
    public CompletionStage<Boolean> replaceSecret(ClientId id, SecretDigest newSecret) {
        boolean[] replaced = {false};
        clients.computeIfPresent(id, (key, client) -> {
            if (!client.isConfidential()) {
                return client;
            }
            replaced[0] = true;
            return new RegisteredClient(client.id(), client.name(), client.authMethod(), Optional.of(newSecret),
                    client.grantTypes(), client.redirectUris(), client.scope(), client.requirePkce());
        });
        return CompletableFuture.completedFuture(replaced[0]);
    }

    @Override
    public CompletionStage<Boolean> delete(ClientId id) {
        return CompletableFuture.completedFuture(clients.remove(id) != null);
    }
}

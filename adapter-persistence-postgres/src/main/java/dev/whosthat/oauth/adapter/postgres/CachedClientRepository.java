package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Client look-ups (every token, introspection and revocation request makes one) served from a
 * {@link LookupCache}. Every change to a client invalidates it on this node at once and on the
 * others through {@link Invalidations}.
 */
final class CachedClientRepository implements ClientRepository {

    private final ClientRepository repository;
    private final LookupCache<ClientId, Optional<RegisteredClient>> clients;
    private final Invalidations invalidations;

    CachedClientRepository(ClientRepository repository, LookupCache<ClientId, Optional<RegisteredClient>> clients,
                           Invalidations invalidations) {
        this.repository = repository;
        this.clients = clients;
        this.invalidations = invalidations;
        invalidations.onMessage(this::onInvalidation);
    }

    private void onInvalidation(String message) {
        if (message.equals(Invalidations.EVERYTHING)) {
            clients.invalidateAll();
        } else if (message.startsWith("c:")) {
            clients.invalidate(new ClientId(message.substring(2)));
        }
    }

    @Override
    public CompletionStage<Optional<RegisteredClient>> findById(ClientId id) {
        // Unknown ids are not kept: anyone can send random ones.
        return clients.get(id, () -> repository.findById(id), Optional::isPresent);
    }

    @Override
    public CompletionStage<Addition> add(RegisteredClient client) {
        return repository.add(client).thenCompose(added -> changed(client.id()).thenApply(sent -> added));
    }

    @Override
    public CompletionStage<Void> upsert(RegisteredClient client) {
        return repository.upsert(client).thenCompose(upserted -> changed(client.id()));
    }

    @Override
    public CompletionStage<List<RegisteredClient>> list() {
        return repository.list();
    }

    @Override
    public CompletionStage<Boolean> replaceSecret(ClientId id, SecretDigest newSecret) {
        // The old secret must stop working on every node, not a ttl later.
        return repository.replaceSecret(id, newSecret).thenCompose(replaced -> changed(id).thenApply(sent -> replaced));
    }

    @Override
    public CompletionStage<Boolean> delete(ClientId id) {
        return repository.delete(id).thenCompose(deleted -> changed(id).thenApply(sent -> deleted));
    }

    private CompletionStage<Void> changed(ClientId id) {
        return invalidations.publish("c:" + id.value());
    }
}

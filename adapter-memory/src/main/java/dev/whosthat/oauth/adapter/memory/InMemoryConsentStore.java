package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.consent.Consent;
import dev.whosthat.oauth.domain.port.ConsentStore;
import dev.whosthat.oauth.domain.user.UserId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Consents in RAM, merged atomically per subject and client. */
public final class InMemoryConsentStore implements ConsentStore {

    private record Key(UserId subject, ClientId client) {
    }

    private final ConcurrentMap<Key, Consent> consents = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Optional<Consent>> find(UserId subject, ClientId client) {
        return CompletableFuture.completedFuture(Optional.ofNullable(consents.get(new Key(subject, client))));
    }

    @Override
    public CompletionStage<Consent> grant(Consent consent) {
        Consent stored = consents.merge(new Key(consent.subject(), consent.clientId()), consent, Consent::merge);
        return CompletableFuture.completedFuture(stored);
    }

    @Override
    public CompletionStage<Void> revoke(UserId subject, ClientId client) {
        consents.remove(new Key(subject, client));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> revokeAllOf(ClientId client) {
        consents.keySet().removeIf(key -> key.client().equals(client));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> revokeAllOf(UserId subject) {
        consents.keySet().removeIf(key -> key.subject().equals(subject));
        return CompletableFuture.completedFuture(null);
    }
}

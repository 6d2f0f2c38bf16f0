package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.code.AuthorizationCode;
import dev.whosthat.oauth.domain.port.AuthorizationCodeStore;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Authorization codes in RAM; consumption is one atomic {@code compute}. */
public final class InMemoryAuthorizationCodeStore implements AuthorizationCodeStore {

    private record Entry(AuthorizationCode code, boolean consumed) {
    }

    private final ConcurrentMap<SecretDigest, Entry> codes = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> save(AuthorizationCode code) {
        codes.putIfAbsent(code.digest(), new Entry(code, false));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<AuthorizationCode>> find(SecretDigest digest) {
        return CompletableFuture.completedFuture(Optional.ofNullable(codes.get(digest)).map(Entry::code));
    }

    @Override
    public CompletionStage<Consumption> consume(SecretDigest digest) {
        Consumption[] result = {Consumption.NOT_FOUND};
        codes.computeIfPresent(digest, (d, entry) -> {
            result[0] = entry.consumed() ? Consumption.ALREADY_USED : Consumption.CONSUMED;
            return entry.consumed() ? entry : new Entry(entry.code(), true);
        });
        return CompletableFuture.completedFuture(result[0]);
    }

    @Override
    public CompletionStage<Void> deleteAllOf(ClientId client) {
        codes.values().removeIf(entry -> entry.code().clientId().equals(client));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> deleteAllOf(UserId owner) {
        codes.values().removeIf(entry -> entry.code().owner().subject().equals(owner));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Integer> sweepExpired(Instant now, int limit) {
        return CompletableFuture.completedFuture(Sweep.expired(codes, entry -> !entry.code().isActiveAt(now), limit));
    }
}

package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.port.SessionStore;
import dev.whosthat.oauth.domain.session.LoginSession;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Sign-in sessions in RAM. */
public final class InMemorySessionStore implements SessionStore {

    private final ConcurrentMap<SecretDigest, LoginSession> sessions = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> save(LoginSession session) {
        sessions.put(session.digest(), session);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<LoginSession>> find(SecretDigest digest) {
        return CompletableFuture.completedFuture(Optional.ofNullable(sessions.get(digest)));
    }

    @Override
    public CompletionStage<Void> delete(SecretDigest digest) {
        sessions.remove(digest);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> deleteAllOf(UserId owner) {
        sessions.values().removeIf(session -> session.owner().subject().equals(owner));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Integer> sweepExpired(Instant now, int limit) {
        return CompletableFuture.completedFuture(Sweep.expired(sessions, session -> !session.isActiveAt(now), limit));
    }
}

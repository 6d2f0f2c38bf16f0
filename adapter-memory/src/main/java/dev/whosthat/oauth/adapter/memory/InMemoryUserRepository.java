package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.port.UserRepository;
import dev.whosthat.oauth.domain.user.PasswordHash;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Resource owner accounts in RAM, unique by username and by id. */
public final class InMemoryUserRepository implements UserRepository {

    private final ConcurrentMap<Username, UserAccount> byUsername = new ConcurrentHashMap<>();
    private final ConcurrentMap<UserId, Username> usernameById = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Optional<UserAccount>> findByUsername(Username username) {
        return CompletableFuture.completedFuture(Optional.ofNullable(byUsername.get(username)));
    }

    /** Two keys must stay unique together; additions are rare, so one lock keeps it simple. */
    @Override
    public synchronized CompletionStage<Addition> add(UserAccount account) {
        if (byUsername.containsKey(account.username()) || usernameById.containsKey(account.id())) {
            return CompletableFuture.completedFuture(Addition.DUPLICATE);
        }
        usernameById.put(account.id(), account.username());
        byUsername.put(account.username(), account);
        return CompletableFuture.completedFuture(Addition.ADDED);
    }

    @Override
    public CompletionStage<Boolean> updatePasswordHash(UserId id, PasswordHash newHash) {
        Username username = usernameById.get(id);
        boolean updated = username != null
                && byUsername.computeIfPresent(username, (name, account) -> account.withPasswordHash(newHash)) != null;
        return CompletableFuture.completedFuture(updated);
    }

    @Override
    public CompletionStage<List<UserAccount>> list() {
        List<UserAccount> all = byUsername.values().stream()
                .sorted(Comparator.comparing(account -> account.username().value()))
                .toList();
        return CompletableFuture.completedFuture(all);
    }

    /** Under the same lock as {@link #add}, so that the two maps never disagree for a concurrent addition. */
    @Override
    public synchronized CompletionStage<Boolean> delete(UserId id) {
        Username username = usernameById.remove(id);
        if (username != null) {
            byUsername.remove(username);
        }
        return CompletableFuture.completedFuture(username != null);
    }
}

package dev.whosthat.oauth.application.admin;

import dev.whosthat.oauth.domain.port.PasswordHasher;
import dev.whosthat.oauth.domain.port.SessionStore;
import dev.whosthat.oauth.domain.port.UserRepository;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.Username;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Replaces a user's password, hashed at the current cost, and ends every sign-in session of the
 * user: whoever signed in with the old password must sign in again. Tokens already issued stay
 * valid until they expire or are revoked; {@link DeleteUser} is the way to cut an account off.
 */
public final class SetUserPassword {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final SessionStore sessions;

    public SetUserPassword(UserRepository users, PasswordHasher hasher, SessionStore sessions) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    public CompletionStage<AdminOutcome<UserAccount>> handle(Username username, Password password) {
        return users.findByUsername(username).thenCompose(found -> found
                .map(account -> replace(account, password))
                .orElseGet(() -> CompletableFuture.completedFuture(notFound(username))));
    }

    private CompletionStage<AdminOutcome<UserAccount>> replace(UserAccount account, Password password) {
        return hasher.hash(password).thenCompose(hash -> users.updatePasswordHash(account.id(), hash)
                .thenCompose(updated -> !updated
                        ? CompletableFuture.completedFuture(notFound(account.username()))
                        : sessions.deleteAllOf(account.id())
                                .thenApply(ended -> AdminOutcome.done(account.withPasswordHash(hash)))));
    }

    private static AdminOutcome<UserAccount> notFound(Username username) {
        return new AdminOutcome.NotFound<>("no user " + username);
    }
}

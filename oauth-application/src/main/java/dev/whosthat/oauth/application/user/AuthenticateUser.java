package dev.whosthat.oauth.application.user;

import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.PasswordHasher;
import dev.whosthat.oauth.domain.port.UserRepository;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.PasswordCheck;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.Username;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks a resource owner's username and password. An unknown user and a wrong password give the
 * same {@code invalid_grant} after the same work: the password is verified against a decoy hash
 * when there is no account. A hash made at a lower cost than the current one is upgraded.
 */
public final class AuthenticateUser {

    private final UserRepository users;
    private final PasswordHasher hasher;

    public AuthenticateUser(UserRepository users, PasswordHasher hasher) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    public CompletionStage<Outcome<UserAccount>> handle(Username username, Password password) {
        return users.findByUsername(username).thenCompose(found -> {
            var stored = found.map(UserAccount::passwordHash).orElseGet(hasher::decoy);
            return hasher.verify(password, stored).thenCompose(check -> accept(found, check, password));
        });
    }

    private CompletionStage<Outcome<UserAccount>> accept(Optional<UserAccount> found, PasswordCheck check, Password password) {
        if (found.isEmpty() || !check.matches()) {
            return CompletableFuture.completedFuture(Outcome.rejected(
                    OAuthErrorCode.INVALID_GRANT, "invalid resource owner credentials"));
        }
        UserAccount user = found.get();
        if (check == PasswordCheck.MATCH_NEEDS_REHASH) {
            // The cost was raised since this hash was made: upgrade it now that we know the password.
            return hasher.hash(password)
                    .thenCompose(newHash -> users.updatePasswordHash(user.id(), newHash))
                    .thenApply(updated -> Outcome.ok(user));
        }
        return CompletableFuture.completedFuture(Outcome.ok(user));
    }
}

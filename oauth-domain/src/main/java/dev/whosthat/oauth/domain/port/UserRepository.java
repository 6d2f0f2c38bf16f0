package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.user.PasswordHash;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Resource owner accounts. Usernames are unique. */
public interface UserRepository {

    /** The outcome of adding an account. */
    enum Addition { ADDED, DUPLICATE }

    CompletionStage<Optional<UserAccount>> findByUsername(Username username);

    /** Adds a new account; a taken username or id is left untouched and reported as {@link Addition#DUPLICATE}. */
    CompletionStage<Addition> add(UserAccount account);

    /** Replaces the password hash of an existing account; {@code false} if there is no such account. */
    CompletionStage<Boolean> updatePasswordHash(UserId id, PasswordHash newHash);

    /** Every account, ordered by username. */
    CompletionStage<List<UserAccount>> list();

    /**
     * Forgets the account; {@code false} if there was none with this id. Its username is free again
     * at once. What the account held (tokens, codes, sessions, consents) is the caller's to revoke
     * through the other ports.
     */
    CompletionStage<Boolean> delete(UserId id);
}

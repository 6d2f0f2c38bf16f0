package dev.whosthat.oauth.application.user;

import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.PasswordHasher;
import dev.whosthat.oauth.domain.port.TokenGenerator;
import dev.whosthat.oauth.domain.port.UserRepository;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Creates a resource owner account with a freshly hashed password and a new random subject id. */
public final class RegisterUser {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenGenerator ids;

    public RegisterUser(UserRepository users, PasswordHasher hasher, TokenGenerator ids) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.ids = Objects.requireNonNull(ids, "ids");
    }

    public CompletionStage<Outcome<UserAccount>> handle(Username username, Password password) {
        return hasher.hash(password)
                .thenApply(hash -> new UserAccount(new UserId(ids.newId()), username, hash))
                .thenCompose(account -> users.add(account).thenApply(addition -> switch (addition) {
                    case ADDED -> Outcome.ok(account);
                    case DUPLICATE -> Outcome.rejected(OAuthErrorCode.INVALID_REQUEST, "username is already taken");
                }));
    }
}

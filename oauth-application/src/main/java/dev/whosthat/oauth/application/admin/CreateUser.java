package dev.whosthat.oauth.application.admin;

import dev.whosthat.oauth.application.user.RegisterUser;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.Username;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Creates a resource owner account for an operator: {@link RegisterUser}, with a taken username told apart. */
public final class CreateUser {

    private final RegisterUser registerUser;

    public CreateUser(RegisterUser registerUser) {
        this.registerUser = Objects.requireNonNull(registerUser, "registerUser");
    }

    public CompletionStage<AdminOutcome<UserAccount>> handle(Username username, Password password) {
        // A taken username is the one way registration is refused.
        return registerUser.handle(username, password).thenApply(outcome -> outcome instanceof Outcome.Ok<UserAccount> ok
                ? AdminOutcome.done(ok.value())
                : new AdminOutcome.AlreadyExists<>("user " + username + " already exists"));
    }
}

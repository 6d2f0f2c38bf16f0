package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.user.PasswordHash;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;

/** Accounts with unique ids, usernames and (fake, never verified) password hashes. */
public final class TestUsers {

    private TestUsers() {
    }

    public static UserId newId() {
        return new UserId("user-" + TestTokens.unique());
    }

    public static Username newUsername() {
        return new Username("name-" + TestTokens.unique());
    }

    /** Stands in for a real hash: repositories store it and never look inside. */
    public static PasswordHash newHash() {
        return new PasswordHash("$argon2id$v=19$m=64,t=1,p=1$" + TestTokens.unique() + "$" + TestTokens.unique());
    }

    public static UserAccount newAccount() {
        return new UserAccount(newId(), newUsername(), newHash());
    }
}

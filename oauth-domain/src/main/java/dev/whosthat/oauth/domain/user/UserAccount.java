package dev.whosthat.oauth.domain.user;

import java.util.Objects;

/** A resource owner who can sign in. */
public record UserAccount(UserId id, Username username, PasswordHash passwordHash) {

    public UserAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
    }

    public UserAccount withPasswordHash(PasswordHash newHash) {
        return new UserAccount(id, username, newHash);
    }

    public TokenOwnerRef asOwner() {
        return new TokenOwnerRef(id, username);
    }
}

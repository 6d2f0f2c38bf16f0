package dev.whosthat.oauth.domain.user;

import java.util.Objects;

/** The resource owner a token was issued for, as tokens remember them. */
public record TokenOwnerRef(UserId subject, Username username) {

    public TokenOwnerRef {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(username, "username");
    }
}

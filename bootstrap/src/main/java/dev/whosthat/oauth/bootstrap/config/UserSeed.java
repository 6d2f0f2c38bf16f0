package dev.whosthat.oauth.bootstrap.config;

import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.Username;
import java.util.Objects;

/** A resource owner to register at start-up, with the password in clear (its {@code toString()} is redacted). */
public record UserSeed(Username username, Password password) {

    public UserSeed {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }
}

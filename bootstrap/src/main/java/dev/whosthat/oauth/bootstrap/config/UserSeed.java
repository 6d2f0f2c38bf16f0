package dev.whosthat.oauth.bootstrap.config;

import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.PasswordHash;
import dev.whosthat.oauth.domain.user.Username;
import java.util.Objects;

/**
 * A resource owner to register at start-up, with the password in clear or as a hash made by
 * {@code hash-password} (the form to prefer: the file then holds no password, and the server
 * spends no key derivation on it at start).
 */
public record UserSeed(Username username, Credential credential) {

    public UserSeed {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(credential, "credential");
    }

    public UserSeed(Username username, Password password) {
        this(username, new Clear(password));
    }

    public UserSeed(Username username, PasswordHash hash) {
        this(username, new Hashed(hash));
    }

    /** How the configuration gives the password. */
    public sealed interface Credential permits Clear, Hashed {
    }

    /** In clear: hashed at start at the configured cost ({@code toString()} is redacted by {@link Password}). */
    public record Clear(Password password) implements Credential {

        public Clear {
            Objects.requireNonNull(password, "password");
        }
    }

    /** Already hashed: stored as it is. */
    public record Hashed(PasswordHash hash) implements Credential {

        public Hashed {
            Objects.requireNonNull(hash, "hash");
        }
    }
}

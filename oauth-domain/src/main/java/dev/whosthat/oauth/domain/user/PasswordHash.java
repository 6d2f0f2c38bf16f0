package dev.whosthat.oauth.domain.user;

/**
 * A self-describing password hash (PHC string format, e.g. {@code $argon2id$v=19$m=...}): the
 * algorithm and its cost travel with the hash, so that the cost can be raised later.
 */
public record PasswordHash(String encoded) {

    public PasswordHash {
        if (encoded == null || !encoded.startsWith("$")) {
            throw new IllegalArgumentException("password hash must be in PHC string format");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}

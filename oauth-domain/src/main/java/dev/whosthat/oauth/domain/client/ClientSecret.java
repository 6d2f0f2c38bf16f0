package dev.whosthat.oauth.domain.client;

import dev.whosthat.oauth.domain.token.SecretDigest;

/** A client secret in clear, as presented on the wire or configured; never stored, never printed. */
public record ClientSecret(String value) {

    /** Configured and generated secrets must be high-entropy, since they are stored as a fast digest. */
    public static final int MIN_REGISTERED_LENGTH = 32;

    public ClientSecret {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("client secret must not be empty");
        }
    }

    public SecretDigest digest() {
        return SecretDigest.of(value);
    }

    @Override
    public String toString() {
        return "ClientSecret[redacted]";
    }
}

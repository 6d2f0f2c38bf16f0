package dev.whosthat.oauth.domain.token;

import java.util.Objects;

/** A freshly minted token: the clear value for the client, once, and the record to store. */
public record Minted<T>(TokenValue value, T token) {

    public Minted {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(token, "token");
    }
}

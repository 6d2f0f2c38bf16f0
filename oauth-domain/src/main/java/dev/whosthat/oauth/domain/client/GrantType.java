package dev.whosthat.oauth.domain.client;

import java.util.Arrays;
import java.util.Optional;

/** The grant types of RFC 6749 §4 and §6 that the server knows. */
public enum GrantType {
    AUTHORIZATION_CODE("authorization_code"),
    PASSWORD("password"),
    CLIENT_CREDENTIALS("client_credentials"),
    REFRESH_TOKEN("refresh_token");

    private final String wire;

    GrantType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<GrantType> fromWire(String wire) {
        return Arrays.stream(values()).filter(g -> g.wire.equals(wire)).findFirst();
    }
}

package dev.whosthat.oauth.domain.client;

import java.util.Arrays;
import java.util.Optional;

/** Token endpoint authentication methods (RFC 7591 §2, RFC 6749 §2.3.1). */
public enum ClientAuthMethod {
    CLIENT_SECRET_BASIC("client_secret_basic"),
    CLIENT_SECRET_POST("client_secret_post"),
    /** A public client: identifies with {@code client_id} alone (RFC 6749 §2.1). */
    NONE("none");

    private final String wire;

    ClientAuthMethod(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean usesSecret() {
        return this != NONE;
    }

    public static Optional<ClientAuthMethod> fromWire(String wire) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(wire)).findFirst();
    }
}

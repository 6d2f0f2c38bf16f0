package dev.whosthat.oauth.domain.client;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The grant types of RFC 6749 §4 and §6 that the server knows. */
public enum GrantType {
    AUTHORIZATION_CODE("authorization_code"),
    PASSWORD("password"),
    CLIENT_CREDENTIALS("client_credentials"),
    REFRESH_TOKEN("refresh_token");

    /** Looked up on every token request: a map, not a scan. */
    private static final Map<String, GrantType> BY_WIRE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(GrantType::wire, Function.identity()));

    private final String wire;

    GrantType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<GrantType> fromWire(String wire) {
        return Optional.ofNullable(wire).map(BY_WIRE::get);
    }
}

package dev.whosthat.oauth.application.introspect;

import java.util.Optional;

/** {@code token_type_hint} (RFC 7009 §2.1, RFC 7662 §2.1): where to look first. Unknown hints are ignored. */
public enum TokenHint {
    ACCESS_TOKEN,
    REFRESH_TOKEN;

    public static Optional<TokenHint> fromWire(String wire) {
        return switch (wire) {
            case "access_token" -> Optional.of(ACCESS_TOKEN);
            case "refresh_token" -> Optional.of(REFRESH_TOKEN);
            default -> Optional.empty();
        };
    }
}

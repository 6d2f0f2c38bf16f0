package dev.whosthat.oauth.domain.throttle;

import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.user.Username;
import java.util.Objects;
import java.util.Optional;

/** What failed attempts are counted by: a username (sign-ins, password grants) or a source address (client authentication). */
public record ThrottleKey(Kind kind, String value) {

    public enum Kind {
        USERNAME("user"),
        CLIENT_ADDRESS("addr");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    public ThrottleKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static ThrottleKey of(Username username) {
        return new ThrottleKey(Kind.USERNAME, username.value());
    }

    public static ThrottleKey of(SourceAddress address) {
        return new ThrottleKey(Kind.CLIENT_ADDRESS, address.value());
    }

    /** One string per key, unique across kinds: what storage indexes counters by. */
    public String storageKey() {
        return kind.prefix + ":" + value;
    }

    /** The key that {@link #storageKey()} wrote, if this is one. */
    public static Optional<ThrottleKey> fromStorageKey(String storageKey) {
        for (Kind kind : Kind.values()) {
            String prefix = kind.prefix + ":";
            if (storageKey.startsWith(prefix)) {
                return Optional.of(new ThrottleKey(kind, storageKey.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }
}

package dev.whosthat.oauth.domain.audit;

import dev.whosthat.oauth.domain.text.Ascii;
import java.util.Objects;

/**
 * Where a request came from, as the inbound adapter saw it (the peer's IP address): what the audit
 * trail records and what throttling counts failed client authentications by. {@link #UNKNOWN} when
 * the host has no network peer (a command line, a test).
 */
public record SourceAddress(String value) {

    public static final SourceAddress UNKNOWN = new SourceAddress("unknown");

    /** Long enough for any IPv6 text form with a zone. */
    private static final int MAX_LENGTH = 64;

    public SourceAddress {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !Ascii.allWithin(value, '!', '~')) {
            throw new IllegalArgumentException("a source address is 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
    }

    public static SourceAddress of(String value) {
        return value == null || value.isEmpty() ? UNKNOWN : new SourceAddress(value);
    }

    @Override
    public String toString() {
        return value;
    }
}

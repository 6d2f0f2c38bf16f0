package dev.whosthat.oauth.domain.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An expected protocol failure, safe to show to the client (RFC 6749 §5.2).
 *
 * <p>The description is restricted to the §5.2 {@code error_description} charset (printable ASCII
 * without {@code "} and {@code \}); it must never carry secrets, ids or exception text. Details
 * for operators belong in the log.
 *
 * @param retryAfter when the client may try again, for errors that say "not now"
 */
public record OAuthError(OAuthErrorCode code, String description, Optional<Duration> retryAfter) {

    public OAuthError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (!isDescriptionSafe(description)) {
            throw new IllegalArgumentException("error_description outside the RFC 6749 §5.2 charset");
        }
    }

    public OAuthError(OAuthErrorCode code, String description) {
        this(code, description, Optional.empty());
    }

    public static OAuthError of(OAuthErrorCode code, String description) {
        return new OAuthError(code, description);
    }

    /** A refusal that the client may retry after the given delay. */
    public static OAuthError retryAfter(OAuthErrorCode code, String description, Duration delay) {
        return new OAuthError(code, description, Optional.of(delay));
    }

    /** RFC 6749 §5.2: error_description = 1*( %x20-21 / %x23-5B / %x5D-7E ). */
    static boolean isDescriptionSafe(String description) {
        for (int i = 0; i < description.length(); i++) {
            char c = description.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}

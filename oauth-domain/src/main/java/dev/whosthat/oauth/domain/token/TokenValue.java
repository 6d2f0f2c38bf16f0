package dev.whosthat.oauth.domain.token;

import java.util.Optional;

/**
 * An opaque token, code or generated secret in clear: what the client holds. It is handed out
 * once and otherwise only its {@link SecretDigest} is kept.
 */
public record TokenValue(String value) {

    /** Generous for our own 43-character values; a bound on what a request can make us hash. */
    public static final int MAX_LENGTH = 512;

    public TokenValue {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("not a well-formed token");
        }
    }

    /** Presented tokens are untrusted; anything that cannot be ours is simply not found. */
    public static Optional<TokenValue> parse(String presented) {
        return isWellFormed(presented) ? Optional.of(new TokenValue(presented)) : Optional.empty();
    }

    /** RFC 6750 §2.1 b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"=" */
    static boolean isWellFormed(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c >= B64TOKEN.length || !B64TOKEN[c]) {
                return false;
            }
        }
        return true;
    }

    /** The b64token characters, by code: one array read per character of every token minted or presented. */
    private static final boolean[] B64TOKEN = new boolean[128];

    static {
        for (char c = 0; c < B64TOKEN.length; c++) {
            B64TOKEN[c] = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
        }
    }

    public SecretDigest digest() {
        return SecretDigest.of(value);
    }

    @Override
    public String toString() {
        return "TokenValue[redacted]";
    }
}

package dev.whosthat.oauth.domain.code;

import dev.whosthat.oauth.domain.token.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * An S256 code challenge (RFC 7636 §4.2): BASE64URL(SHA256(ASCII(code_verifier))). The
 * {@code plain} method is not supported at all (RFC 9700 §2.1.1), so a challenge is always S256.
 */
public record PkceChallenge(String value) {

    public static final String S256 = "S256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    public PkceChallenge {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("an S256 code_challenge is 43 base64url characters");
        }
    }

    public static Optional<PkceChallenge> parse(String value) {
        return isWellFormed(value) ? Optional.of(new PkceChallenge(value)) : Optional.empty();
    }

    /** A SHA-256 digest in base64url without padding is exactly 43 characters. */
    static boolean isWellFormed(String value) {
        return value != null && value.length() == 43
                && value.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                        || (c >= '0' && c <= '9') || c == '-' || c == '_');
    }

    public static PkceChallenge of(CodeVerifier verifier) {
        return new PkceChallenge(BASE64URL.encodeToString(Sha256.of(verifier.value().getBytes(StandardCharsets.US_ASCII))));
    }

    /** RFC 7636 §4.6, compared in constant time. */
    public boolean isSatisfiedBy(CodeVerifier verifier) {
        byte[] expected = value.getBytes(StandardCharsets.US_ASCII);
        byte[] actual = BASE64URL.encode(Sha256.of(verifier.value().getBytes(StandardCharsets.US_ASCII)));
        return MessageDigest.isEqual(expected, actual);
    }
}

package dev.whosthat.oauth.domain.code;

import java.util.Optional;

/** RFC 7636 §4.1: code-verifier = 43*128unreserved. Held by the client, presented once, never stored. */
public record CodeVerifier(String value) {

    public CodeVerifier {
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("code_verifier must be 43 to 128 unreserved characters");
        }
    }

    public static Optional<CodeVerifier> parse(String value) {
        return isWellFormed(value) ? Optional.of(new CodeVerifier(value)) : Optional.empty();
    }

    static boolean isWellFormed(String value) {
        return value != null && value.length() >= 43 && value.length() <= 128 && value.chars().allMatch(CodeVerifier::isUnreserved);
    }

    /** unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~" */
    static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    @Override
    public String toString() {
        return "CodeVerifier[redacted]";
    }
}

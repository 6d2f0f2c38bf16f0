package dev.whosthat.oauth.domain.user;

/** The name a resource owner signs in with (RFC 6749 §4.3.2 {@code username}). */
public record Username(String value) {

    public static final int MAX_LENGTH = 255;

    public Username {
        if (!isValid(value)) {
            throw new IllegalArgumentException("username must be 1 to " + MAX_LENGTH + " characters without control characters");
        }
    }

    public static boolean isValid(String value) {
        return value != null && !value.isEmpty() && value.length() <= MAX_LENGTH
                && value.codePoints().noneMatch(Character::isISOControl);
    }

    @Override
    public String toString() {
        return value;
    }
}

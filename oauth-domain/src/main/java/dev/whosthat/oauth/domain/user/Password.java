package dev.whosthat.oauth.domain.user;

/** A password in clear, as presented: hashed at once, never stored, never printed. */
public record Password(String value) {

    /** Bounds the work a single request can ask of the password hash. */
    public static final int MAX_LENGTH = 1024;

    public Password {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("password must be 1 to " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "Password[redacted]";
    }
}

package dev.whosthat.oauth.domain.user;

/** The verdict of a password verification. */
public enum PasswordCheck {
    MISMATCH,
    MATCH,
    /** The password is right, but its hash was made with a lower cost than the current one. */
    MATCH_NEEDS_REHASH;

    public boolean matches() {
        return this != MISMATCH;
    }
}

package dev.whosthat.oauth.domain.port;

/** The outcome of {@link TokenStore#rotate}. */
public enum Rotation {
    /** The presented refresh token was the grant's current one; the successor now is. */
    ROTATED,
    /**
     * The presented refresh token had already been rotated: the grant is now revoked, every token
     * of it (RFC 9700 §4.14.2).
     */
    REUSED,
    /** Unknown, or its grant was revoked: nothing changed. */
    INACTIVE
}

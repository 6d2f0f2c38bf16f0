package dev.whosthat.oauth.domain.audit;

/** What happened, in the audit trail's words: one constant per security-relevant event. */
public enum SecurityEventType {
    /** A resource owner's password was accepted (sign-in page or password grant). */
    SIGN_IN_SUCCEEDED("sign_in_succeeded"),
    /** A resource owner's username or password was refused. */
    SIGN_IN_FAILED("sign_in_failed"),
    /** A client presented no valid credentials (RFC 6749 §2.3). */
    CLIENT_AUTHENTICATION_FAILED("client_authentication_failed"),
    /** The token endpoint issued an access token (and maybe a refresh token). */
    TOKEN_ISSUED("token_issued"),
    /** A rotated-away refresh token came back (RFC 9700 §4.14.2): its whole grant was revoked. */
    REFRESH_TOKEN_REUSE_DETECTED("refresh_token_reuse_detected"),
    /** An authorization code was presented a second time (RFC 6749 §4.1.2): its tokens were revoked. */
    AUTHORIZATION_CODE_REPLAYED("authorization_code_replayed"),
    /** A token was revoked at the client's request (RFC 7009). */
    TOKEN_REVOKED("token_revoked"),
    /** An operator gave a client a new secret. */
    CLIENT_SECRET_ROTATED("client_secret_rotated"),
    /** Too many failures for one username or source address: the attempt was refused unchecked. */
    ATTEMPT_THROTTLED("attempt_throttled");

    private final String wire;

    SecurityEventType(String wire) {
        this.wire = wire;
    }

    /** The name written to logs and metrics. */
    public String wire() {
        return wire;
    }
}

package dev.whosthat.oauth.domain.error;

/**
 * The error vocabulary of the protocol: RFC 6749 §4.1.2.1 and §5.2, RFC 6750 §3.1, RFC 7009 §2.2.1
 * and RFC 7591 §3.2.2. The wire value is what goes into the {@code error} parameter.
 */
public enum OAuthErrorCode {
    INVALID_REQUEST("invalid_request"),
    INVALID_CLIENT("invalid_client"),
    INVALID_GRANT("invalid_grant"),
    UNAUTHORIZED_CLIENT("unauthorized_client"),
    UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
    INVALID_SCOPE("invalid_scope"),
    ACCESS_DENIED("access_denied"),
    UNSUPPORTED_RESPONSE_TYPE("unsupported_response_type"),
    SERVER_ERROR("server_error"),
    TEMPORARILY_UNAVAILABLE("temporarily_unavailable"),
    /**
     * Too many failed attempts for one username or source address: refused until the window ends
     * (HTTP 429 with {@code Retry-After}). The wire code is the registered one closest in meaning.
     */
    TOO_MANY_ATTEMPTS("temporarily_unavailable"),
    INVALID_TOKEN("invalid_token"),
    INSUFFICIENT_SCOPE("insufficient_scope"),
    UNSUPPORTED_TOKEN_TYPE("unsupported_token_type"),
    INVALID_REDIRECT_URI("invalid_redirect_uri"),
    INVALID_CLIENT_METADATA("invalid_client_metadata");

    private final String wire;

    OAuthErrorCode(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }
}

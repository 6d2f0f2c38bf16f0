package dev.whosthat.oauth.domain.token;

import java.time.Duration;
import java.util.Objects;

/**
 * How long what the server hands out lives: access and refresh tokens, authorization codes
 * (RFC 6749 §4.1.2 recommends at most ten minutes; we default to one) and sign-in sessions of the
 * server's own pages.
 */
public record TokenLifetimes(Duration accessToken, Duration refreshToken, Duration authorizationCode, Duration loginSession) {

    public static final Duration DEFAULT_CODE = Duration.ofSeconds(60);
    public static final Duration DEFAULT_SESSION = Duration.ofHours(8);
    public static final TokenLifetimes DEFAULTS = new TokenLifetimes(Duration.ofHours(1), Duration.ofDays(30));

    public TokenLifetimes(Duration accessToken, Duration refreshToken) {
        this(accessToken, refreshToken, DEFAULT_CODE, DEFAULT_SESSION);
    }

    public TokenLifetimes {
        for (Duration lifetime : new Duration[] {accessToken, refreshToken, authorizationCode, loginSession}) {
            Objects.requireNonNull(lifetime, "lifetime");
            if (lifetime.toSeconds() < 1) {
                throw new IllegalArgumentException("token lifetimes must be at least one second");
            }
        }
    }
}

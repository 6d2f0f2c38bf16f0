package dev.whosthat.oauth.domain.token;

import java.time.Duration;

/** How long issued tokens live. */
public record TokenLifetimes(Duration accessToken, Duration refreshToken) {

    public static final TokenLifetimes DEFAULTS = new TokenLifetimes(Duration.ofHours(1), Duration.ofDays(30));

    public TokenLifetimes {
        if (accessToken.isNegative() || accessToken.isZero() || refreshToken.isNegative() || refreshToken.isZero()) {
            throw new IllegalArgumentException("token lifetimes must be positive");
        }
        if (accessToken.toSeconds() < 1 || refreshToken.toSeconds() < 1) {
            throw new IllegalArgumentException("token lifetimes must be at least one second");
        }
    }
}

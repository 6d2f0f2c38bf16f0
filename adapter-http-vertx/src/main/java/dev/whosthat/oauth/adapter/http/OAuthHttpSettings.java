package dev.whosthat.oauth.adapter.http;

import dev.whosthat.oauth.domain.token.TokenLifetimes;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What the HTTP adapter needs to know about its deployment.
 *
 * @param issuer the issuer identifier (RFC 8414 §2), which is also the base of every endpoint URL
 * @param bodyLimitBytes the largest form body read; anything longer is refused with 413
 * @param scopesSupported what the metadata advertises as {@code scopes_supported}
 * @param lifetimes the lifetimes in use; the session cookie lives as long as the session
 */
public record OAuthHttpSettings(String issuer, int bodyLimitBytes, List<String> scopesSupported, TokenLifetimes lifetimes) {

    public OAuthHttpSettings(String issuer, int bodyLimitBytes, List<String> scopesSupported) {
        this(issuer, bodyLimitBytes, scopesSupported, TokenLifetimes.DEFAULTS);
    }


    public static final int DEFAULT_BODY_LIMIT = 16 * 1024;

    public OAuthHttpSettings {
        Objects.requireNonNull(issuer, "issuer");
        scopesSupported = List.copyOf(scopesSupported);
        Objects.requireNonNull(lifetimes, "lifetimes");
        if (bodyLimitBytes < 1024) {
            throw new IllegalArgumentException("body limit must be at least 1 KiB");
        }
    }

    /** The path part of the issuer, under which the endpoints live ("" for a bare host). */
    public String basePath() {
        String path = URI.create(issuer).getRawPath();
        return path == null || path.equals("/") ? "" : path;
    }

    /** The realm of Basic and Bearer challenges. */
    public String realm() {
        return issuer;
    }
}

package dev.whosthat.oauth.application.token;

import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import java.time.Duration;
import java.util.Objects;

/** A successful token response (RFC 6749 §5.1), before it is rendered. */
public record TokenGranted(IssuedTokens tokens, Scope requestedScope) {

    public TokenGranted {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(requestedScope, "requestedScope");
    }

    public Scope grantedScope() {
        return tokens.access().token().scope();
    }

    /** RFC 6749 §5.1: {@code scope} is required when it differs from what was asked for. */
    public boolean mustStateScope() {
        return !grantedScope().equals(requestedScope);
    }

    public long expiresInSeconds() {
        var access = tokens.access().token();
        return Duration.between(access.issuedAt(), access.expiresAt()).toSeconds();
    }
}

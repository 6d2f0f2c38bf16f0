package dev.whosthat.oauth.domain.session;

import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import java.time.Instant;
import java.util.Objects;

/** A resource owner signed in at the authorization server's pages; its cookie value is stored only as a digest. */
public record LoginSession(SecretDigest digest, TokenOwnerRef owner, Instant authenticatedAt, Instant expiresAt) {

    public LoginSession {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(owner, "owner");
        if (!expiresAt.isAfter(authenticatedAt)) {
            throw new IllegalArgumentException("a session must expire after it starts");
        }
    }

    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}

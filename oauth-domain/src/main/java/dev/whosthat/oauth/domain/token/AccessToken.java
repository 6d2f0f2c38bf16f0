package dev.whosthat.oauth.domain.token;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An issued bearer token (RFC 6750), as stored: by digest, never in clear. */
public record AccessToken(
        SecretDigest digest,
        GrantId grant,
        ClientId clientId,
        Optional<TokenOwnerRef> owner,
        Scope scope,
        Instant issuedAt,
        Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(scope, "scope");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }

    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    /** The resource owner's id, or the client's own for a client credentials token. */
    public String subject() {
        return owner.map(o -> o.subject().value()).orElse(clientId.value());
    }
}

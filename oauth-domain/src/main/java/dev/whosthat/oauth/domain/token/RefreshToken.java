package dev.whosthat.oauth.domain.token;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A refresh token (RFC 6749 §1.5, §6), as stored. Its scope is the grant's, so that every rotated
 * successor keeps it (§6: "identical to that of the refresh token included by the client").
 */
public record RefreshToken(
        SecretDigest digest,
        GrantId grant,
        ClientId clientId,
        Optional<TokenOwnerRef> owner,
        Scope scope,
        Instant issuedAt,
        Instant expiresAt,
        State state) {

    /** Where a refresh token is in its grant's rotation chain. */
    public enum State {
        /** The grant's one current refresh token. */
        ACTIVE,
        /** Already exchanged for a successor: presenting it again is reuse (RFC 9700 §4.14.2). */
        ROTATED,
        /** Its grant was revoked. */
        REVOKED
    }

    public RefreshToken {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(state, "state");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token must expire after it is issued");
        }
    }

    public boolean isActiveAt(Instant now) {
        return state == State.ACTIVE && now.isBefore(expiresAt);
    }

    public RefreshToken withState(State newState) {
        return new RefreshToken(digest, grant, clientId, owner, scope, issuedAt, expiresAt, newState);
    }

    public String subject() {
        return owner.map(o -> o.subject().value()).orElse(clientId.value());
    }
}

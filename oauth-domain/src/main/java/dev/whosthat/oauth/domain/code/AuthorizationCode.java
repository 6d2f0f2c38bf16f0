package dev.whosthat.oauth.domain.code;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An authorization code (RFC 6749 §4.1.2), as stored: by digest, bound to the client, the redirect
 * URI, the PKCE challenge, the scope and the user. Tokens issued from it belong to its
 * {@link #grant()}, so that a replay can revoke them all (§4.1.2).
 *
 * @param redirectUriGiven whether the authorization request carried {@code redirect_uri}: then the
 *     token request must repeat it (§4.1.3)
 */
public record AuthorizationCode(
        SecretDigest digest,
        GrantId grant,
        ClientId clientId,
        RedirectUri redirectUri,
        boolean redirectUriGiven,
        Scope scope,
        TokenOwnerRef owner,
        Optional<PkceChallenge> challenge,
        Instant issuedAt,
        Instant expiresAt) {

    public AuthorizationCode {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(challenge, "challenge");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a code must expire after it is issued");
        }
    }

    public boolean isActiveAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}

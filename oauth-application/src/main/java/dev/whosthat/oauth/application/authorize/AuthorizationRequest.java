package dev.whosthat.oauth.application.authorize;

import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.code.PkceChallenge;
import dev.whosthat.oauth.domain.scope.Scope;
import java.util.Objects;
import java.util.Optional;

/** An authorization request that passed every check (RFC 6749 §4.1.1, RFC 7636 §4.3). */
public record AuthorizationRequest(
        RegisteredClient client,
        RedirectUri redirectUri,
        boolean redirectUriGiven,
        Scope scope,
        Optional<String> state,
        Optional<PkceChallenge> challenge) {

    public AuthorizationRequest {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(redirectUri, "redirectUri");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(challenge, "challenge");
    }
}

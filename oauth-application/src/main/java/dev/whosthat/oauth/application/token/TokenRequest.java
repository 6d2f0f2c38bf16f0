package dev.whosthat.oauth.application.token;

import dev.whosthat.oauth.domain.client.ClientCredentials;
import java.util.Objects;

/** A request to the token endpoint (RFC 6749 §3.2): who asks, and for which grant. */
public record TokenRequest(ClientCredentials credentials, GrantRequest grant) {

    public TokenRequest {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(grant, "grant");
    }
}

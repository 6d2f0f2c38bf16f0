package dev.whosthat.oauth.application.token;

import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import java.util.Objects;

/** A request to the token endpoint (RFC 6749 §3.2): who asks, for which grant, from where. */
public record TokenRequest(ClientCredentials credentials, GrantRequest grant, SourceAddress source) {

    public TokenRequest {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(source, "source");
    }

    /** A request from no known address, as a host without a network peer makes it. */
    public TokenRequest(ClientCredentials credentials, GrantRequest grant) {
        this(credentials, grant, SourceAddress.UNKNOWN);
    }
}

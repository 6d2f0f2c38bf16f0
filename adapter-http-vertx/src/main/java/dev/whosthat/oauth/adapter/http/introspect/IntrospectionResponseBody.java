package dev.whosthat.oauth.adapter.http.introspect;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.whosthat.oauth.application.introspect.Introspection;
import java.util.Optional;

/** RFC 7662 §2.2; an inactive token is {@code {"active":false}} and nothing more. */
record IntrospectionResponseBody(
        @JsonProperty("active") boolean active,
        @JsonProperty("scope") Optional<String> scope,
        @JsonProperty("client_id") Optional<String> clientId,
        @JsonProperty("username") Optional<String> username,
        @JsonProperty("token_type") Optional<String> tokenType,
        @JsonProperty("exp") Optional<Long> exp,
        @JsonProperty("iat") Optional<Long> iat,
        @JsonProperty("sub") Optional<String> sub,
        @JsonProperty("iss") Optional<String> iss) {

    static IntrospectionResponseBody from(Introspection introspection, String issuer) {
        if (introspection instanceof Introspection.Active a) {
            return new IntrospectionResponseBody(true,
                    Optional.of(a.scope().wire()),
                    Optional.of(a.clientId().value()),
                    a.owner().map(o -> o.username().value()),
                    Optional.of(a.tokenType()),
                    Optional.of(a.expiresAt().getEpochSecond()),
                    Optional.of(a.issuedAt().getEpochSecond()),
                    Optional.of(a.subject()),
                    Optional.of(issuer));
        }
        return new IntrospectionResponseBody(false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}

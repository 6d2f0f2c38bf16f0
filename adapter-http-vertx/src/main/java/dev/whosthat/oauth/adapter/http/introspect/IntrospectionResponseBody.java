package dev.whosthat.oauth.adapter.http.introspect;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.whosthat.oauth.adapter.http.support.Json;
import dev.whosthat.oauth.application.introspect.Introspection;
import java.io.IOException;
import java.util.Optional;

/** RFC 7662 §2.2; an inactive token is {@code {"active":false}} and nothing more. */
record IntrospectionResponseBody(
        boolean active,
        Optional<String> scope,
        Optional<String> clientId,
        Optional<String> username,
        Optional<String> tokenType,
        Optional<Long> exp,
        Optional<Long> iat,
        Optional<String> sub,
        Optional<String> iss) implements Json.Members {

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

    @Override
    public void writeMembers(JsonGenerator json) throws IOException {
        json.writeBooleanField("active", active);
        Json.optional(json, "scope", scope);
        Json.optional(json, "client_id", clientId);
        Json.optional(json, "username", username);
        Json.optional(json, "token_type", tokenType);
        if (exp.isPresent()) {
            json.writeNumberField("exp", exp.get());
        }
        if (iat.isPresent()) {
            json.writeNumberField("iat", iat.get());
        }
        Json.optional(json, "sub", sub);
        Json.optional(json, "iss", iss);
    }
}

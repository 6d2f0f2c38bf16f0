package dev.whosthat.oauth.adapter.http.token;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.whosthat.oauth.adapter.http.support.Json;
import dev.whosthat.oauth.application.token.TokenGranted;
import dev.whosthat.oauth.domain.token.Minted;
import java.io.IOException;
import java.util.Optional;

/** RFC 6749 §5.1 */
record TokenResponseBody(String accessToken, String tokenType, long expiresIn, Optional<String> refreshToken,
                         Optional<String> scope) implements Json.Members {

    static TokenResponseBody from(TokenGranted granted) {
        return new TokenResponseBody(
                granted.tokens().access().value().value(),
                "Bearer",
                granted.expiresInSeconds(),
                granted.tokens().refresh().map(Minted::value).map(v -> v.value()),
                granted.mustStateScope() ? Optional.of(granted.grantedScope().wire()) : Optional.empty());
    }

    @Override
    public void writeMembers(JsonGenerator json) throws IOException {
        json.writeStringField("access_token", accessToken);
        json.writeStringField("token_type", tokenType);
        json.writeNumberField("expires_in", expiresIn);
        Json.optional(json, "refresh_token", refreshToken);
        Json.optional(json, "scope", scope);
    }
}

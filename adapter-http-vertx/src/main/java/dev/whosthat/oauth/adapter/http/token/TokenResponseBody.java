package dev.whosthat.oauth.adapter.http.token;

import dev.whosthat.oauth.adapter.http.support.Json;
import dev.whosthat.oauth.adapter.http.support.JsonObjectWriter;
import dev.whosthat.oauth.application.token.TokenGranted;
import dev.whosthat.oauth.domain.token.Minted;
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
    public void writeMembers(JsonObjectWriter json) {
        json.string("access_token", accessToken);
        json.string("token_type", tokenType);
        json.number("expires_in", expiresIn);
        json.optional("refresh_token", refreshToken);
        json.optional("scope", scope);
    }
}

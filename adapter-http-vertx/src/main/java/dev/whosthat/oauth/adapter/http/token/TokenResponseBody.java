package dev.whosthat.oauth.adapter.http.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.whosthat.oauth.application.token.TokenGranted;
import dev.whosthat.oauth.domain.token.Minted;
import java.util.Optional;

/** RFC 6749 §5.1 */
record TokenResponseBody(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") Optional<String> refreshToken,
        @JsonProperty("scope") Optional<String> scope) {

    static TokenResponseBody from(TokenGranted granted) {
        return new TokenResponseBody(
                granted.tokens().access().value().value(),
                "Bearer",
                granted.expiresInSeconds(),
                granted.tokens().refresh().map(Minted::value).map(v -> v.value()),
                granted.mustStateScope() ? Optional.of(granted.grantedScope().wire()) : Optional.empty());
    }
}

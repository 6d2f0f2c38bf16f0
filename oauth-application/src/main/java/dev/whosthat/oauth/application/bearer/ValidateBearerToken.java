package dev.whosthat.oauth.application.bearer;

import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.TokenValue;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * RFC 6750 §3: may this bearer token reach a resource that needs {@code required}? An unknown,
 * expired or revoked token is {@code invalid_token}; a valid one without the scope is
 * {@code insufficient_scope}.
 */
public final class ValidateBearerToken {

    private final TokenStore tokens;
    private final Clock clock;

    public ValidateBearerToken(TokenStore tokens, Clock clock) {
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CompletionStage<Outcome<AccessToken>> handle(String presented, Scope required) {
        var token = TokenValue.parse(presented);
        if (token.isEmpty()) {
            return CompletableFuture.completedFuture(invalid());
        }
        return tokens.findAccessToken(token.get().digest()).thenApply(found -> {
            if (found.isEmpty() || !found.get().isActiveAt(clock.instant())) {
                return invalid();
            }
            if (!required.within(found.get().scope())) {
                return Outcome.rejected(OAuthErrorCode.INSUFFICIENT_SCOPE, "the token lacks the scope this resource requires");
            }
            return Outcome.ok(found.get());
        });
    }

    private static Outcome<AccessToken> invalid() {
        return Outcome.rejected(OAuthErrorCode.INVALID_TOKEN, "the access token is invalid, expired or revoked");
    }
}

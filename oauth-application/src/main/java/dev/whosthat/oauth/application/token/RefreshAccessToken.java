package dev.whosthat.oauth.application.token;

import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.Rotation;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.RefreshToken;
import dev.whosthat.oauth.domain.token.TokenMinter;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * RFC 6749 §6: a refresh token buys a new access token, for the same or a narrower scope. The
 * refresh token rotates on every use; presenting a rotated one revokes the whole grant (RFC 9700
 * §4.14.2), since either the client or an attacker holds a stolen copy.
 */
public final class RefreshAccessToken {

    private static final String INVALID = "refresh token is invalid, expired or revoked";

    private final TokenMinter minter;
    private final TokenStore tokens;
    private final Clock clock;

    public RefreshAccessToken(TokenMinter minter, TokenStore tokens, Clock clock) {
        this.minter = Objects.requireNonNull(minter, "minter");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CompletionStage<Outcome<TokenGranted>> handle(RegisteredClient client, GrantRequest.Refresh grant) {
        var presented = grant.refreshToken().digest();
        return tokens.findRefreshToken(presented).thenCompose(found -> {
            // §6: the refresh token is bound to the client it was issued to.
            if (found.isEmpty() || !found.get().clientId().equals(client.id())) {
                return rejected(INVALID);
            }
            RefreshToken current = found.get();
            if (current.state() == RefreshToken.State.ROTATED) {
                return tokens.revokeGrant(current.grant()).thenCompose(revoked -> rejected(INVALID));
            }
            Instant now = clock.instant();
            if (!current.isActiveAt(now)) {
                return rejected(INVALID);
            }
            Outcome<Scope> scope = Scope.narrow(grant.scope(), current.scope());
            if (scope instanceof Outcome.Rejected<Scope> tooWide) {
                return CompletableFuture.completedFuture(tooWide.retype());
            }
            IssuedTokens successor = minter.withRefresh(current.grant(), client.id(), current.owner(),
                    scope.orElseThrow(), current.scope(), now);
            return tokens.rotate(presented, successor).thenApply(rotation -> rotation == Rotation.ROTATED
                    ? Outcome.ok(new TokenGranted(successor, grant.scope()))
                    : Outcome.<TokenGranted>rejected(OAuthErrorCode.INVALID_GRANT, INVALID));
        });
    }

    private static CompletionStage<Outcome<TokenGranted>> rejected(String description) {
        return CompletableFuture.completedFuture(Outcome.rejected(OAuthErrorCode.INVALID_GRANT, description));
    }
}

package dev.whosthat.oauth.application.token;

import dev.whosthat.oauth.application.audit.SecurityAudit;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.audit.SourceAddress;
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
    private final SecurityAudit audit;

    public RefreshAccessToken(TokenMinter minter, TokenStore tokens, Clock clock, SecurityAudit audit) {
        this.minter = Objects.requireNonNull(minter, "minter");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public CompletionStage<Outcome<TokenGranted>> handle(RegisteredClient client, GrantRequest.Refresh grant, SourceAddress source) {
        var presented = grant.refreshToken().digest();
        return tokens.findRefreshToken(presented).thenCompose(found -> {
            // §6: the refresh token is bound to the client it was issued to.
            if (found.isEmpty() || !found.get().clientId().equals(client.id())) {
                return rejected(INVALID);
            }
            RefreshToken current = found.get();
            if (current.state() == RefreshToken.State.ROTATED) {
                reuseDetected(current, source);
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
            return tokens.rotate(presented, successor).thenApply(rotation -> {
                if (rotation == Rotation.ROTATED) {
                    return Outcome.ok(new TokenGranted(successor, grant.scope()));
                }
                if (rotation == Rotation.REUSED) {
                    // A concurrent request rotated it first: the store revoked the grant.
                    reuseDetected(current, source);
                }
                return Outcome.<TokenGranted>rejected(OAuthErrorCode.INVALID_GRANT, INVALID);
            });
        });
    }

    private void reuseDetected(RefreshToken presented, SourceAddress source) {
        audit.grant(SecurityEventType.REFRESH_TOKEN_REUSE_DETECTED, presented.owner(), presented.clientId(), source, "grant_revoked");
    }

    private static CompletionStage<Outcome<TokenGranted>> rejected(String description) {
        return CompletableFuture.completedFuture(Outcome.rejected(OAuthErrorCode.INVALID_GRANT, description));
    }
}

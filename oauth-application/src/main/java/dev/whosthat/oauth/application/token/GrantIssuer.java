package dev.whosthat.oauth.application.token;

import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.TokenMinter;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Issues the tokens of a new grant that a resource owner authorized, and stores them before they
 * are handed out. A refresh token comes with them when the client may use the refresh grant.
 */
public final class GrantIssuer {

    private final TokenMinter minter;
    private final TokenStore tokens;
    private final Clock clock;

    public GrantIssuer(TokenMinter minter, TokenStore tokens, Clock clock) {
        this.minter = Objects.requireNonNull(minter, "minter");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CompletionStage<Outcome<TokenGranted>> issue(RegisteredClient client, TokenOwnerRef owner, Scope scope, Scope requested) {
        Instant now = clock.instant();
        return save(mint(client, owner, scope, minter.newGrant(now), now).openingTheirGrant(), requested);
    }

    /** For a grant whose id was fixed earlier, as an authorization code fixes it when issued. */
    public CompletionStage<Outcome<TokenGranted>> issue(RegisteredClient client, TokenOwnerRef owner, Scope scope, Scope requested,
                                                        GrantId grant) {
        return save(mint(client, owner, scope, grant, clock.instant()), requested);
    }

    private IssuedTokens mint(RegisteredClient client, TokenOwnerRef owner, Scope scope, GrantId grant, Instant now) {
        Optional<TokenOwnerRef> ownerRef = Optional.of(owner);
        return client.allows(GrantType.REFRESH_TOKEN)
                ? minter.withRefresh(grant, client.id(), ownerRef, scope, scope, now)
                : minter.accessOnly(grant, client.id(), ownerRef, scope, now);
    }

    private CompletionStage<Outcome<TokenGranted>> save(IssuedTokens issued, Scope requested) {
        return tokens.save(issued).thenApply(saved -> Outcome.ok(new TokenGranted(issued, requested)));
    }
}

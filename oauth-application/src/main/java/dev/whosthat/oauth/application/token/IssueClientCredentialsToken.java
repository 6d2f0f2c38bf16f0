package dev.whosthat.oauth.application.token;

import static dev.whosthat.oauth.domain.error.Outcome.whenOk;

import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.TokenMinter;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** RFC 6749 §4.4: the client acts on its own behalf; an access token only, no refresh token (§4.4.3). */
public final class IssueClientCredentialsToken {

    private final TokenMinter minter;
    private final TokenStore tokens;
    private final Clock clock;

    public IssueClientCredentialsToken(TokenMinter minter, TokenStore tokens, Clock clock) {
        this.minter = Objects.requireNonNull(minter, "minter");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CompletionStage<Outcome<TokenGranted>> handle(RegisteredClient client, GrantRequest.ClientCredentials grant) {
        return CompletableFuture.completedFuture(Scope.narrow(grant.scope(), client.scope()))
                .thenCompose(whenOk(scope -> {
                    Instant now = clock.instant();
                    IssuedTokens issued = minter.accessOnly(minter.newGrant(now), client.id(), Optional.empty(), scope, now)
                            .openingTheirGrant();
                    return tokens.save(issued).thenApply(saved -> Outcome.ok(new TokenGranted(issued, grant.scope())));
                }));
    }
}

package dev.whosthat.oauth.application.introspect;

import static dev.whosthat.oauth.domain.error.Outcome.whenOk;

import dev.whosthat.oauth.application.client.AuthenticateClient;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.RefreshToken;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * RFC 7662: tells an authenticated confidential client (typically a resource server) whether a
 * token is active and what it grants. Public clients hold no credentials and may not introspect.
 */
public final class IntrospectToken {

    private final AuthenticateClient authenticateClient;
    private final TokenStore tokens;
    private final Clock clock;

    public IntrospectToken(AuthenticateClient authenticateClient, TokenStore tokens, Clock clock) {
        this.authenticateClient = Objects.requireNonNull(authenticateClient, "authenticateClient");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CompletionStage<Outcome<Introspection>> handle(ClientTokenRequest request) {
        return authenticateClient.handle(request.credentials(), request.source())
                .thenApply(client -> client.flatMap(IntrospectToken::confidentialOnly))
                .thenCompose(whenOk(client -> request.token()
                        .map(token -> FoundToken.lookUp(tokens, token.digest(), request.hint()).thenApply(this::describe))
                        .orElseGet(() -> CompletableFuture.completedFuture(new Introspection.Inactive()))
                        .thenApply(Outcome::ok)));
    }

    private static Outcome<RegisteredClient> confidentialOnly(RegisteredClient client) {
        return client.isConfidential() ? Outcome.ok(client) : ClientCredentials.failure();
    }

    private Introspection describe(FoundToken found) {
        Instant now = clock.instant();
        if (found instanceof FoundToken.Access access && access.token().isActiveAt(now)) {
            AccessToken t = access.token();
            return new Introspection.Active(Introspection.BEARER, t.clientId(), t.owner(), t.scope(),
                    t.issuedAt(), t.expiresAt(), t.subject());
        }
        if (found instanceof FoundToken.Refresh refresh && refresh.token().isActiveAt(now)) {
            RefreshToken t = refresh.token();
            return new Introspection.Active(Introspection.REFRESH, t.clientId(), t.owner(), t.scope(),
                    t.issuedAt(), t.expiresAt(), t.subject());
        }
        return new Introspection.Inactive();
    }
}

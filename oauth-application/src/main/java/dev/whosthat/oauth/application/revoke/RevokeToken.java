package dev.whosthat.oauth.application.revoke;

import dev.whosthat.oauth.application.audit.SecurityAudit;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import static dev.whosthat.oauth.domain.error.Outcome.whenOk;

import dev.whosthat.oauth.application.client.AuthenticateClient;
import dev.whosthat.oauth.application.introspect.FoundToken;
import dev.whosthat.oauth.application.introspect.ClientTokenRequest;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.TokenStore;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * RFC 7009: a client gives up a token it holds. Unknown tokens succeed too (§2.2); revoking a
 * refresh token revokes its whole grant, access tokens included (§2.1); a client may not revoke
 * another client's token, and is told so (§2.1).
 */
public final class RevokeToken {

    /** The unit success value: revocation answers with an empty 200. */
    public enum Revoked { DONE }

    private final AuthenticateClient authenticateClient;
    private final TokenStore tokens;
    private final SecurityAudit audit;

    public RevokeToken(AuthenticateClient authenticateClient, TokenStore tokens, SecurityAudit audit) {
        this.authenticateClient = Objects.requireNonNull(authenticateClient, "authenticateClient");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public CompletionStage<Outcome<Revoked>> handle(ClientTokenRequest request) {
        return authenticateClient.handle(request.credentials(), request.source())
                .thenCompose(whenOk(client -> request.token()
                        .map(token -> FoundToken.lookUp(tokens, token.digest(), request.hint())
                                .thenCompose(found -> revoke(client, found, request.source())))
                        .orElseGet(RevokeToken::done)));
    }

    private CompletionStage<Outcome<Revoked>> revoke(RegisteredClient client, FoundToken found, SourceAddress source) {
        if (found instanceof FoundToken.Access access) {
            if (!ownedBy(client, access.token().clientId())) {
                return notYours();
            }
            audit.grant(SecurityEventType.TOKEN_REVOKED, access.token().owner(), client.id(), source, "access_token");
            return tokens.revokeAccessToken(access.token().digest()).thenCompose(revoked -> done());
        }
        if (found instanceof FoundToken.Refresh refresh) {
            if (!ownedBy(client, refresh.token().clientId())) {
                return notYours();
            }
            audit.grant(SecurityEventType.TOKEN_REVOKED, refresh.token().owner(), client.id(), source, "refresh_token");
            return tokens.revokeGrant(refresh.token().grant()).thenCompose(revoked -> done());
        }
        return done();
    }

    private static boolean ownedBy(RegisteredClient client, ClientId owner) {
        return client.id().equals(owner);
    }

    private static CompletionStage<Outcome<Revoked>> notYours() {
        return CompletableFuture.completedFuture(Outcome.rejected(OAuthErrorCode.UNAUTHORIZED_CLIENT,
                "the token was not issued to this client"));
    }

    private static CompletionStage<Outcome<Revoked>> done() {
        return CompletableFuture.completedFuture(Outcome.ok(Revoked.DONE));
    }
}

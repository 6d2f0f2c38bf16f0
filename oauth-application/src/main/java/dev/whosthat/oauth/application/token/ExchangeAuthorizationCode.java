package dev.whosthat.oauth.application.token;

import dev.whosthat.oauth.application.audit.SecurityAudit;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import java.util.Optional;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.code.AuthorizationCode;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.AuthorizationCodeStore;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.scope.Scope;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * RFC 6749 §4.1.3 with RFC 7636 §4.6: a code buys tokens once. Every check (client binding,
 * redirect URI, PKCE) runs before the code is consumed, so a request that fails them burns
 * nothing and revokes nothing. A request that passes them for a code already redeemed is a
 * replay: it is refused and every token issued from the code is revoked (§4.1.2).
 */
public final class ExchangeAuthorizationCode {

    private static final String INVALID = "authorization code is invalid, expired or already used";

    private final AuthorizationCodeStore codes;
    private final TokenStore tokens;
    private final GrantIssuer issuer;
    private final Clock clock;
    private final SecurityAudit audit;

    public ExchangeAuthorizationCode(AuthorizationCodeStore codes, TokenStore tokens, GrantIssuer issuer, Clock clock,
                                     SecurityAudit audit) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public CompletionStage<Outcome<TokenGranted>> handle(RegisteredClient client, GrantRequest.AuthorizationCode grant,
                                                         SourceAddress source) {
        var digest = grant.code().digest();
        return codes.find(digest).thenCompose(found -> {
            Outcome<AuthorizationCode> checked = found
                    .map(code -> check(code, client, grant))
                    .orElseGet(() -> rejected(INVALID));
            if (checked instanceof Outcome.Rejected<AuthorizationCode> refused) {
                return CompletableFuture.completedFuture(refused.retype());
            }
            AuthorizationCode code = checked.orElseThrow();
            return codes.consume(digest).thenCompose(consumption -> switch (consumption) {
                // The request asked for no scope of its own, so the response states the scope granted (§5.1).
                case CONSUMED -> code.isActiveAt(clock.instant())
                        ? issuer.issue(client, code.owner(), code.scope(), Scope.EMPTY, code.grant())
                        : CompletableFuture.completedFuture(rejected(INVALID));
                // A replay is a replay even after the code expired: revoke what the first redemption got.
                case ALREADY_USED -> {
                    audit.grant(SecurityEventType.AUTHORIZATION_CODE_REPLAYED, Optional.of(code.owner()), client.id(), source,
                            "grant_revoked");
                    yield tokens.revokeGrant(code.grant()).thenApply(revoked -> rejected(INVALID));
                }
                case NOT_FOUND -> CompletableFuture.completedFuture(rejected(INVALID));
            });
        });
    }

    private Outcome<AuthorizationCode> check(AuthorizationCode code, RegisteredClient client, GrantRequest.AuthorizationCode grant) {
        // Expiry is judged after consumption, so that a late replay still revokes (§4.1.2).
        if (!code.clientId().equals(client.id())) {
            return rejected(INVALID);
        }
        // §4.1.3: redirect_uri must repeat the authorization request's; if that had none, any given one must still match.
        boolean redirectOk = grant.redirectUri()
                .map(given -> given.equals(code.redirectUri().value()))
                .orElse(!code.redirectUriGiven());
        if (!redirectOk) {
            return rejected("redirect_uri does not match the authorization request");
        }
        if (code.challenge().isEmpty()) {
            // A verifier for a code issued without a challenge is a downgrade attempt (RFC 9700 §4.8.2).
            return grant.verifier().isPresent() ? rejected("code_verifier was sent but no code_challenge was") : Outcome.ok(code);
        }
        if (grant.verifier().isEmpty() || !code.challenge().get().isSatisfiedBy(grant.verifier().get())) {
            return rejected("code_verifier does not match the code_challenge");
        }
        return Outcome.ok(code);
    }

    private static <T> Outcome<T> rejected(String description) {
        return Outcome.rejected(OAuthErrorCode.INVALID_GRANT, description);
    }
}

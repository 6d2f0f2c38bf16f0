package dev.whosthat.oauth.application.authorize;

import dev.whosthat.oauth.domain.code.AuthorizationCode;
import dev.whosthat.oauth.domain.port.AuthorizationCodeStore;
import dev.whosthat.oauth.domain.port.TokenGenerator;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.token.TokenMinter;
import dev.whosthat.oauth.domain.token.TokenValue;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * RFC 6749 §4.1.2: the resource owner approved; a short-lived, single-use code bound to the
 * client, redirect URI, PKCE challenge, scope and user. Stored as a digest; the clear value goes
 * only into the redirect.
 */
public final class IssueAuthorizationCode {

    private final AuthorizationCodeStore codes;
    private final TokenGenerator generator;
    /** For the code's grant id, made as every new grant's is, and the code's lifetime. */
    private final TokenMinter minter;
    private final Clock clock;

    public IssueAuthorizationCode(AuthorizationCodeStore codes, TokenGenerator generator, TokenLifetimes lifetimes, Clock clock) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.minter = new TokenMinter(generator, lifetimes);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CompletionStage<TokenValue> handle(AuthorizationRequest request, TokenOwnerRef owner) {
        TokenValue value = generator.newToken();
        Instant now = clock.instant();
        AuthorizationCode code = new AuthorizationCode(value.digest(), minter.newGrant(now), request.client().id(),
                request.redirectUri(), request.redirectUriGiven(), request.scope(), owner, request.challenge(),
                now, now.plus(minter.lifetimes().authorizationCode()));
        return codes.save(code).thenApply(saved -> value);
    }
}

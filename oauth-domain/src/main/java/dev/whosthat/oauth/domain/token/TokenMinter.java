package dev.whosthat.oauth.domain.token;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.port.TokenGenerator;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Mints the tokens of one grant: fresh random values, their digests, and their lifetimes. */
public final class TokenMinter {

    private final TokenGenerator generator;
    private final TokenLifetimes lifetimes;

    public TokenMinter(TokenGenerator generator, TokenLifetimes lifetimes) {
        this.generator = Objects.requireNonNull(generator, "generator");
        this.lifetimes = Objects.requireNonNull(lifetimes, "lifetimes");
    }

    public TokenLifetimes lifetimes() {
        return lifetimes;
    }

    /** The id of a grant that opens now: ordered by time, see {@link GrantId#issuedAt}. */
    public GrantId newGrant(Instant now) {
        return GrantId.issuedAt(now, generator.newId());
    }

    /** An access token alone: the client credentials grant issues no refresh token (RFC 6749 §4.4.3). */
    public IssuedTokens accessOnly(GrantId grant, ClientId client, Optional<TokenOwnerRef> owner, Scope scope, Instant now) {
        return new IssuedTokens(access(grant, client, owner, scope, now), Optional.empty());
    }

    /**
     * An access token for {@code accessScope} and a refresh token that carries the whole grant's
     * {@code grantScope}, so that later refreshes may ask for any part of it again.
     */
    public IssuedTokens withRefresh(GrantId grant, ClientId client, Optional<TokenOwnerRef> owner,
                                    Scope accessScope, Scope grantScope, Instant now) {
        TokenValue refreshValue = generator.newToken();
        RefreshToken refresh = new RefreshToken(refreshValue.digest(), grant, client, owner, grantScope, now,
                now.plus(lifetimes.refreshToken()), RefreshToken.State.ACTIVE);
        return new IssuedTokens(access(grant, client, owner, accessScope, now),
                Optional.of(new Minted<>(refreshValue, refresh)));
    }

    private Minted<AccessToken> access(GrantId grant, ClientId client, Optional<TokenOwnerRef> owner, Scope scope, Instant now) {
        TokenValue value = generator.newToken();
        AccessToken token = new AccessToken(value.digest(), grant, client, owner, scope, now, now.plus(lifetimes.accessToken()));
        return new Minted<>(value, token);
    }
}

package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.RefreshToken;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.token.TokenMinter;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Tokens with fresh random values, grants, clients and owners, so that tests sharing one store
 * never collide. Lifetimes are fixed: access one hour, refresh thirty days.
 */
public final class TestTokens {

    /** A fixed point in time; tests move relative to it, never to the wall clock. */
    public static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    public static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);
    public static final Scope SCOPE = Scope.of("read", "write");

    private static final TestTokenGenerator GENERATOR = new TestTokenGenerator();
    private static final TokenMinter MINTER = new TokenMinter(GENERATOR,
            new TokenLifetimes(ACCESS_LIFETIME, REFRESH_LIFETIME));

    private TestTokens() {
    }

    /** A new grant for a new user, with a refresh token, issued at {@code now}. */
    public static IssuedTokens withRefresh(Instant now) {
        return MINTER.withRefresh(MINTER.newGrant(Instant.EPOCH), newClientId(), Optional.of(newOwner()), SCOPE, SCOPE, now);
    }

    /** A new grant of {@code client} for {@code owner}, with a refresh token, issued at {@code now}. */
    public static IssuedTokens withRefresh(ClientId client, TokenOwnerRef owner, Instant now) {
        return MINTER.withRefresh(MINTER.newGrant(Instant.EPOCH), client, Optional.of(owner), SCOPE, SCOPE, now);
    }

    /** A new client credentials grant of {@code client}: an access token alone, issued at {@code now}. */
    public static IssuedTokens accessOnly(ClientId client, Instant now) {
        return MINTER.accessOnly(MINTER.newGrant(Instant.EPOCH), client, Optional.empty(), SCOPE, now);
    }

    /** A new client credentials grant: an access token alone, issued at {@code now}. */
    public static IssuedTokens accessOnly(Instant now) {
        return MINTER.accessOnly(MINTER.newGrant(Instant.EPOCH), newClientId(), Optional.empty(), SCOPE, now);
    }

    /** The next tokens of {@code previous}'s grant, as a refresh would mint them at {@code now}. */
    public static IssuedTokens successorOf(IssuedTokens previous, Instant now) {
        RefreshToken refresh = previous.refresh().orElseThrow().token();
        return MINTER.withRefresh(refresh.grant(), refresh.clientId(), refresh.owner(), refresh.scope(),
                refresh.scope(), now);
    }

    /** The digest of a token that nobody issued. */
    public static SecretDigest unknownDigest() {
        return GENERATOR.newToken().digest();
    }

    public static SecretDigest accessDigest(IssuedTokens tokens) {
        return tokens.access().token().digest();
    }

    public static SecretDigest refreshDigest(IssuedTokens tokens) {
        return tokens.refresh().orElseThrow().token().digest();
    }

    public static ClientId newClientId() {
        return new ClientId("client-" + GENERATOR.newId());
    }

    public static TokenOwnerRef newOwner() {
        return new TokenOwnerRef(new UserId("user-" + GENERATOR.newId()), new Username("name-" + GENERATOR.newId()));
    }

    /** A unique value for ids and names. */
    public static String unique() {
        return GENERATOR.newId();
    }
}

package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.port.Rotation;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.RefreshToken;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Access-token look-ups served from a {@link LookupCache}, the hot path of bearer validation and
 * introspection. Every revocation invalidates on this node at once and on the others through
 * {@link Invalidations}. Refresh tokens are never cached: rotation must see the current state.
 */
final class CachedTokenStore implements TokenStore {

    /** Messages for every token of a client ({@code tc:<client id>}) or of a resource owner ({@code to:<subject>}). */
    private static final String OF_CLIENT = "tc:";
    private static final String OF_OWNER = "to:";

    private final TokenStore store;
    private final LookupCache<SecretDigest, Optional<AccessToken>> accessTokens;
    private final Invalidations invalidations;

    CachedTokenStore(TokenStore store, LookupCache<SecretDigest, Optional<AccessToken>> accessTokens,
                     Invalidations invalidations) {
        this.store = store;
        this.accessTokens = accessTokens;
        this.invalidations = invalidations;
        invalidations.onMessage(this::onInvalidation);
    }

    private void onInvalidation(String message) {
        if (message.equals(Invalidations.EVERYTHING)) {
            accessTokens.invalidateAll();
        } else if (message.startsWith("a:")) {
            accessTokens.invalidate(SecretDigest.fromHex(message.substring(2)));
        } else if (message.startsWith("g:")) {
            GrantId grant = new GrantId(message.substring(2));
            accessTokens.invalidateIf(found -> found.map(token -> token.grant().equals(grant)).orElse(false));
        } else if (message.startsWith(OF_CLIENT)) {
            ClientId client = new ClientId(message.substring(OF_CLIENT.length()));
            accessTokens.invalidateIf(found -> found.map(token -> token.clientId().equals(client)).orElse(false));
        } else if (message.startsWith(OF_OWNER)) {
            UserId owner = new UserId(message.substring(OF_OWNER.length()));
            accessTokens.invalidateIf(found -> found.flatMap(AccessToken::owner)
                    .map(o -> o.subject().equals(owner)).orElse(false));
        }
    }

    @Override
    public CompletionStage<Void> save(IssuedTokens tokens) {
        return store.save(tokens);
    }

    @Override
    public CompletionStage<Optional<AccessToken>> findAccessToken(SecretDigest digest) {
        // Unknown digests are not kept: anyone can send random ones, and they would crowd out real tokens.
        return accessTokens.get(digest, () -> store.findAccessToken(digest), Optional::isPresent);
    }

    @Override
    public CompletionStage<Optional<RefreshToken>> findRefreshToken(SecretDigest digest) {
        return store.findRefreshToken(digest);
    }

    @Override
    public CompletionStage<Rotation> rotate(SecretDigest presented, IssuedTokens successor) {
        return store.rotate(presented, successor).thenCompose(rotation -> rotation == Rotation.REUSED
                ? invalidations.publish("g:" + successor.grant().value()).thenApply(sent -> rotation)
                : CompletableFuture.completedFuture(rotation));
    }

    @Override
    public CompletionStage<Boolean> revokeAccessToken(SecretDigest digest) {
        return store.revokeAccessToken(digest)
                .thenCompose(revoked -> invalidations.publish("a:" + digest.hex()).thenApply(sent -> revoked));
    }

    @Override
    public CompletionStage<Void> revokeGrant(GrantId grant) {
        return store.revokeGrant(grant).thenCompose(revoked -> invalidations.publish("g:" + grant.value()));
    }

    @Override
    public CompletionStage<Void> revokeAllOf(ClientId client) {
        return store.revokeAllOf(client).thenCompose(revoked -> invalidations.publish(OF_CLIENT + client.value()));
    }

    @Override
    public CompletionStage<Void> revokeAllOf(UserId owner) {
        return store.revokeAllOf(owner).thenCompose(revoked -> invalidations.publish(OF_OWNER + owner.value()));
    }

    @Override
    public CompletionStage<Integer> sweepExpired(Instant now, int limit) {
        // Only expired tokens go, and callers judge expiry themselves: cached copies need no invalidation.
        return store.sweepExpired(now, limit);
    }
}

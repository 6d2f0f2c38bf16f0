package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.port.Rotation;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.Minted;
import dev.whosthat.oauth.domain.token.RefreshToken;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * Tokens in RAM. Lookups are one map read by digest. Everything that changes a grant (save,
 * rotate, revoke) runs inside {@code grants.compute} for that grant, which serialises it against
 * every other change of the same grant: that is what makes rotation and reuse detection atomic.
 */
public final class InMemoryTokenStore implements TokenStore {

    /** How long a revocation of a grant we never saw is remembered, in case its tokens arrive late. */
    private static final Duration UNKNOWN_GRANT_TOMBSTONE = Duration.ofDays(1);

    private final ConcurrentMap<SecretDigest, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<SecretDigest, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<GrantId, Grant> grants = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryTokenStore(Clock clock) {
        this.clock = clock;
    }

    /** The tokens of one grant. Only touched inside {@code grants.compute} for its key. */
    private static final class Grant {
        boolean revoked;
        SecretDigest currentRefresh;
        Instant latestExpiry = Instant.MIN;
        // Most grants hold one access token and no refresh token for their whole life (client
        // credentials): a one-element immutable list costs half of an ArrayList, and every byte per
        // live token counts when a million are held.
        List<SecretDigest> accessDigests = List.of();
        List<SecretDigest> refreshDigests = List.of();
        static final int FIRST_PRUNE = 16;
        int pruneAt = FIRST_PRUNE;

        static List<SecretDigest> plus(List<SecretDigest> digests, SecretDigest digest) {
            if (digests.isEmpty()) {
                return List.of(digest);
            }
            List<SecretDigest> grown = digests instanceof ArrayList ? digests : new ArrayList<>(digests);
            grown.add(digest);
            return grown;
        }

        void expiresNoEarlierThan(Instant expiry) {
            if (expiry.isAfter(latestExpiry)) {
                latestExpiry = expiry;
            }
        }
    }

    @Override
    public CompletionStage<Void> save(IssuedTokens tokens) {
        grants.compute(tokens.grant(), (id, grant) -> {
            Grant g = grant == null ? new Grant() : grant;
            if (!g.revoked) {
                store(g, tokens);
            }
            return g;
        });
        return CompletableFuture.completedFuture(null);
    }

    private void store(Grant grant, IssuedTokens tokens) {
        AccessToken access = tokens.access().token();
        accessTokens.put(access.digest(), access);
        grant.accessDigests = Grant.plus(grant.accessDigests, access.digest());
        grant.expiresNoEarlierThan(access.expiresAt());
        tokens.refresh().map(Minted::token).ifPresent(refresh -> {
            refreshTokens.put(refresh.digest(), refresh);
            grant.refreshDigests = Grant.plus(grant.refreshDigests, refresh.digest());
            grant.currentRefresh = refresh.digest();
            grant.expiresNoEarlierThan(refresh.expiresAt());
        });
    }

    @Override
    public CompletionStage<Optional<AccessToken>> findAccessToken(SecretDigest digest) {
        return CompletableFuture.completedFuture(Optional.ofNullable(accessTokens.get(digest)));
    }

    @Override
    public CompletionStage<Optional<RefreshToken>> findRefreshToken(SecretDigest digest) {
        return CompletableFuture.completedFuture(Optional.ofNullable(refreshTokens.get(digest)));
    }

    @Override
    public CompletionStage<Rotation> rotate(SecretDigest presented, IssuedTokens successor) {
        if (successor.refresh().isEmpty()) {
            throw new IllegalArgumentException("a rotation needs a successor refresh token");
        }
        Rotation[] result = {Rotation.INACTIVE};
        grants.computeIfPresent(successor.grant(), (id, grant) -> {
            if (grant.revoked) {
                return grant;
            }
            if (presented.equals(grant.currentRefresh)) {
                refreshTokens.computeIfPresent(presented, (d, old) -> old.withState(RefreshToken.State.ROTATED));
                forgetSwept(grant);
                store(grant, successor);
                result[0] = Rotation.ROTATED;
            } else if (grant.refreshDigests.contains(presented)) {
                revoke(grant);
                result[0] = Rotation.REUSED;
            }
            return grant;
        });
        return CompletableFuture.completedFuture(result[0]);
    }

    /**
     * Keeps a long-lived, often rotated grant from accumulating digests of tokens already swept.
     * Pruning scans the lists, so it runs only when they have doubled since the last time: amortised
     * constant work per rotation however often a grant rotates.
     */
    private void forgetSwept(Grant grant) {
        if (grant.accessDigests.size() + grant.refreshDigests.size() < grant.pruneAt) {
            return;
        }
        grant.accessDigests = alive(grant.accessDigests, accessTokens);
        grant.refreshDigests = alive(grant.refreshDigests, refreshTokens);
        grant.pruneAt = Math.max(Grant.FIRST_PRUNE, 2 * (grant.accessDigests.size() + grant.refreshDigests.size()));
    }

    private static List<SecretDigest> alive(List<SecretDigest> digests, ConcurrentMap<SecretDigest, ?> held) {
        List<SecretDigest> kept = new ArrayList<>(digests.size());
        for (SecretDigest digest : digests) {
            if (held.containsKey(digest)) {
                kept.add(digest);
            }
        }
        return kept;
    }

    @Override
    public CompletionStage<Boolean> revokeAccessToken(SecretDigest digest) {
        return CompletableFuture.completedFuture(accessTokens.remove(digest) != null);
    }

    @Override
    public CompletionStage<Void> revokeGrant(GrantId grantId) {
        grants.compute(grantId, (id, grant) -> {
            Grant g = grant;
            if (g == null) {
                g = new Grant();
                g.expiresNoEarlierThan(clock.instant().plus(UNKNOWN_GRANT_TOMBSTONE));
            }
            revoke(g);
            return g;
        });
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> revokeAllOf(ClientId client) {
        return revokeGrantsHolding(token -> token.clientId().equals(client), token -> token.clientId().equals(client));
    }

    @Override
    public CompletionStage<Void> revokeAllOf(UserId owner) {
        return revokeGrantsHolding(token -> token.owner().filter(o -> o.subject().equals(owner)).isPresent(),
                token -> token.owner().filter(o -> o.subject().equals(owner)).isPresent());
    }

    /**
     * A scan of every token: grants are not indexed by client or owner, since the hot paths never
     * ask, and an operator deleting a client or an account can afford it.
     */
    private CompletionStage<Void> revokeGrantsHolding(Predicate<AccessToken> access, Predicate<RefreshToken> refresh) {
        Set<GrantId> held = new HashSet<>();
        accessTokens.values().stream().filter(access).forEach(token -> held.add(token.grant()));
        refreshTokens.values().stream().filter(refresh).forEach(token -> held.add(token.grant()));
        held.forEach(this::revokeGrant);
        return CompletableFuture.completedFuture(null);
    }

    /** Deletes the grant's tokens; the grant itself stays as a tombstone until its tokens would have expired. */
    private void revoke(Grant grant) {
        grant.revoked = true;
        grant.currentRefresh = null;
        grant.accessDigests.forEach(accessTokens::remove);
        grant.accessDigests = List.of();
        grant.refreshDigests.forEach(refreshTokens::remove);
        grant.refreshDigests = List.of();
    }

    @Override
    public CompletionStage<Integer> sweepExpired(Instant now, int limit) {
        int removed = Sweep.expired(accessTokens, t -> !t.isActiveAt(now), limit);
        removed += Sweep.expired(refreshTokens, t -> !now.isBefore(t.expiresAt()), limit - removed);
        // Grant records are bookkeeping, not tokens: they are dropped, but not counted.
        sweepGrants(now, limit);
        return CompletableFuture.completedFuture(removed);
    }

    /** A grant is mutable, so whether it expired is decided inside its own {@code compute}. */
    private int sweepGrants(Instant now, int limit) {
        int removed = 0;
        for (Iterator<GrantId> it = grants.keySet().iterator(); it.hasNext() && removed < limit; ) {
            boolean[] expired = {false};
            grants.computeIfPresent(it.next(), (id, grant) -> {
                expired[0] = !now.isBefore(grant.latestExpiry);
                return expired[0] ? null : grant;
            });
            if (expired[0]) {
                removed++;
            }
        }
        return removed;
    }

}

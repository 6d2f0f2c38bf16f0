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
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tokens in RAM, in two {@link TokenTable}s of primitive records (no object per token: see the
 * table for why). Lookups are one probe by digest.
 *
 * <p>A grant gets a record of its own only once it needs one: when it has a refresh token (its
 * current refresh token is the record's) or when it is revoked (the record is then a tombstone). A
 * lone access token, the common case of client credentials, is saved without one. Revoking a grant
 * marks its record revoked; readers hide every token whose grant is revoked, and the sweeper
 * deletes them. So no grant keeps a list of its tokens, and a rotation costs the same however often
 * the grant has rotated. Everything that changes a grant record runs inside {@code grants.compute}
 * for that grant, which serialises it against every other change of the same grant: that is what
 * makes rotation and reuse detection atomic.
 */
public final class InMemoryTokenStore implements TokenStore {

    /**
     * How long the tombstone of a grant revoked without a record of its own is kept at least: it
     * refuses tokens that arrive late, and hides the grant's lone token until a sweep deletes it.
     */
    private static final Duration UNKNOWN_GRANT_TOMBSTONE = Duration.ofDays(1);

    private final TokenTable accessTokens = new TokenTable();
    private final TokenTable refreshTokens = new TokenTable();
    private final TokenRecords records = new TokenRecords();
    private final ConcurrentMap<GrantId, Grant> grants = new ConcurrentHashMap<>();
    /** Revoked grant records not yet swept; while there is none, readers skip the look-up of the grant. */
    private final AtomicInteger revokedGrants = new AtomicInteger();
    private final Clock clock;

    public InMemoryTokenStore(Clock clock) {
        this.clock = clock;
    }

    /** The tokens of one grant. Changed only inside {@code grants.compute} for its key. */
    private static final class Grant {
        /** Read outside {@code compute} by readers. */
        volatile boolean revoked;
        /** Read outside {@code compute} by the sweeper, as a hint it confirms inside. */
        volatile Instant latestExpiry = Instant.MIN;
        /** The tables' {@code laps()} when revoked: the tombstone stays until a whole sweep has passed since. */
        int revokedAtLap;
        int revokedAtRefreshLap;
        SecretDigest currentRefresh;

        void expiresNoEarlierThan(Instant expiry) {
            if (expiry.isAfter(latestExpiry)) {
                latestExpiry = expiry;
            }
        }
    }

    @Override
    public CompletionStage<Void> save(IssuedTokens tokens) {
        if (tokens.refresh().isEmpty() && !grants.containsKey(tokens.grant())) {
            // A revocation racing with this save leaves a tombstone, which hides the token as soon as it is in.
            records.putAccess(accessTokens, tokens.access().token());
            return CompletableFuture.completedFuture(null);
        }
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
        records.putAccess(accessTokens, access);
        grant.expiresNoEarlierThan(access.expiresAt());
        tokens.refresh().map(Minted::token).ifPresent(refresh -> {
            records.putRefresh(refreshTokens, refresh);
            grant.currentRefresh = refresh.digest();
            grant.expiresNoEarlierThan(refresh.expiresAt());
        });
    }

    @Override
    public CompletionStage<Optional<AccessToken>> findAccessToken(SecretDigest digest) {
        AccessToken token = accessTokens.get(digest,
                (slots, at, side) -> isHidden(slots, at, side) ? null : records.access(digest, slots, at, side));
        return CompletableFuture.completedFuture(Optional.ofNullable(token));
    }

    @Override
    public CompletionStage<Optional<RefreshToken>> findRefreshToken(SecretDigest digest) {
        RefreshToken token = refreshTokens.get(digest,
                (slots, at, side) -> isHidden(slots, at, side) ? null : records.refresh(digest, slots, at, side));
        return CompletableFuture.completedFuture(Optional.ofNullable(token));
    }

    /** Whether the token belongs to a revoked grant. */
    private boolean isHidden(long[] slots, int at, Object side) {
        if (revokedGrants.get() == 0) {
            return false;
        }
        Grant grant = grants.get(records.grant(slots, at, side));
        return grant != null && grant.revoked;
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
                refreshTokens.updateMeta(presented, TokenRecords.allStateBits(),
                        TokenRecords.stateBits(RefreshToken.State.ROTATED));
                store(grant, successor);
                result[0] = Rotation.ROTATED;
            } else if (isRefreshTokenOf(id, presented)) {
                revoke(grant);
                result[0] = Rotation.REUSED;
            }
            return grant;
        });
        return CompletableFuture.completedFuture(result[0]);
    }

    /** Whether the presented refresh token was issued for this grant (and not yet swept). */
    private boolean isRefreshTokenOf(GrantId grant, SecretDigest presented) {
        return refreshTokens.get(presented, (slots, at, side) -> records.grant(slots, at, side).equals(grant) ? Boolean.TRUE : null)
                != null;
    }

    @Override
    public CompletionStage<Boolean> revokeAccessToken(SecretDigest digest) {
        // A token its grant's revocation hides is gone already, as far as callers know.
        return CompletableFuture.completedFuture(accessTokens.remove(digest, (slots, at, side) -> !isHidden(slots, at, side)));
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
        int number = records.clientNumberOf(client);
        if (number == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return revokeGrantsHolding((slots, at, side) -> TokenRecords.clientNumber(slots, at) == number);
    }

    @Override
    public CompletionStage<Void> revokeAllOf(UserId owner) {
        int[] owners = records.ownerNumbersOf(owner);
        if (owners.length == 0) {
            return CompletableFuture.completedFuture(null);
        }
        return revokeGrantsHolding((slots, at, side) -> Interner.contains(owners, TokenRecords.ownerNumber(slots, at)));
    }

    /**
     * A scan of every token: grants are not indexed by client or owner, since the hot paths never
     * ask, and an operator deleting a client or an account can afford it.
     */
    private CompletionStage<Void> revokeGrantsHolding(TokenTable.Filter holds) {
        Set<GrantId> held = new HashSet<>();
        TokenTable.Filter collect = (slots, at, side) -> holds.test(slots, at, side) && held.add(records.grant(slots, at, side));
        accessTokens.forEach(collect);
        refreshTokens.forEach(collect);
        held.forEach(this::revokeGrant);
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Marks the grant revoked: from now on its tokens are hidden, and the sweeper deletes them. The
     * record stays as a tombstone until its tokens would have expired (a day at least for a grant
     * that had no record) and a whole sweep of both tables has passed since ({@link #mayHideTokens}).
     */
    private void revoke(Grant grant) {
        if (!grant.revoked) {
            grant.revokedAtLap = accessTokens.laps();
            grant.revokedAtRefreshLap = refreshTokens.laps();
            grant.revoked = true;
            revokedGrants.incrementAndGet();
        }
        grant.currentRefresh = null;
    }

    @Override
    public CompletionStage<Integer> sweepExpired(Instant now, int limit) {
        // Tokens of revoked grants go too: they are hidden already, and this frees them.
        TokenTable.Filter gone = (slots, at, side) -> TokenRecords.expiredAt(now, slots, at) || isHidden(slots, at, side);
        int removed = accessTokens.removeIf(gone, limit);
        removed += refreshTokens.removeIf(gone, limit - removed);
        // Grant records are bookkeeping, not tokens: they are dropped, but not counted.
        sweepGrants(now, limit);
        return CompletableFuture.completedFuture(removed);
    }

    /**
     * A revoked grant may hide tokens that outlive its tombstone (the lone access token of a grant
     * revoked without a record may live longer than a day): it stays until a sweep of both tables
     * has passed over the whole of them since the revocation, which deletes every token it hides.
     */
    private boolean mayHideTokens(Grant grant) {
        return grant.revoked && (accessTokens.laps() < grant.revokedAtLap + 2 || refreshTokens.laps() < grant.revokedAtRefreshLap + 2);
    }

    /** A grant is mutable, so whether it expired is decided inside its own {@code compute}. */
    private void sweepGrants(Instant now, int limit) {
        int removed = 0;
        for (Iterator<Map.Entry<GrantId, Grant>> it = grants.entrySet().iterator(); it.hasNext() && removed < limit; ) {
            Map.Entry<GrantId, Grant> entry = it.next();
            Grant candidate = entry.getValue();
            if (now.isBefore(candidate.latestExpiry)) {
                continue;
            }
            boolean[] expired = {false};
            grants.computeIfPresent(entry.getKey(), (id, grant) -> {
                expired[0] = grant == candidate && !now.isBefore(grant.latestExpiry) && !mayHideTokens(grant);
                return expired[0] ? null : grant;
            });
            if (expired[0]) {
                removed++;
                if (candidate.revoked) {
                    revokedGrants.decrementAndGet();
                }
            }
        }
    }
}

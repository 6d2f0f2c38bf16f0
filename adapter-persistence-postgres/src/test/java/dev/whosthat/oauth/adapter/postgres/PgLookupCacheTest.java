package dev.whosthat.oauth.adapter.postgres;

import static dev.whosthat.oauth.domain.port.Stages.await;
import static dev.whosthat.oauth.domain.port.TestTokens.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.port.TestClients;
import dev.whosthat.oauth.domain.port.TestTokens;
import dev.whosthat.oauth.domain.throttle.FailureCount;
import dev.whosthat.oauth.domain.throttle.ThrottleKey;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.SecretDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The look-up caches of two nodes on one database. A change made through one node reaches the
 * other's cache by NOTIFY (the other node's ticker never moves, so nothing else could have evicted
 * the entry); a change that bypasses every node is seen once the ttl has passed, and not before.
 */
class PgLookupCacheTest {

    private static final Duration TTL = Duration.ofSeconds(2);
    /** How long a notification may take here before the test calls it lost; far above the usual milliseconds. */
    private static final Duration DELIVERY = Duration.ofSeconds(10);

    private final AtomicLong nanos = new AtomicLong();
    private PgStorage nodeA;
    private PgStorage nodeB;

    @BeforeEach
    void openTwoNodes() throws Exception {
        nodeA = node(new AtomicLong()::get);
        nodeB = node(nanos::get);
    }

    private static PgStorage node(Ticker ticker) throws Exception {
        var settings = PgStorage.Settings.of(PgTestDatabase.uri(), 2).withCacheTtl(TTL);
        return PgStorage.open(PgTestDatabase.vertx(), settings, Clock.fixed(T0, ZoneOffset.UTC), ticker)
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @AfterEach
    void closeNodes() {
        await(nodeA.close());
        await(nodeB.close());
    }

    private static <T> T eventually(Supplier<T> read, Predicate<T> done) throws InterruptedException {
        Instant deadline = Instant.now().plus(DELIVERY);
        T value = read.get();
        while (!done.test(value) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            value = read.get();
        }
        return value;
    }

    private IssuedTokens savedAndCachedOnB() {
        IssuedTokens tokens = TestTokens.withRefresh(T0);
        await(nodeA.tokens().save(tokens));
        assertThat(await(nodeB.tokens().findAccessToken(TestTokens.accessDigest(tokens)))).isPresent();
        return tokens;
    }

    @Test
    void aTokenRevokedOnOneNodeIsGoneFromTheOthersCacheByNotification() throws Exception {
        IssuedTokens tokens = savedAndCachedOnB();
        SecretDigest digest = TestTokens.accessDigest(tokens);

        await(nodeA.tokens().revokeAccessToken(digest));

        assertThat(eventually(() -> await(nodeB.tokens().findAccessToken(digest)), Optional::isEmpty)).isEmpty();
    }

    @Test
    void aGrantRevokedOnOneNodeTakesItsAccessTokensOutOfTheOthersCache() throws Exception {
        IssuedTokens tokens = savedAndCachedOnB();
        SecretDigest digest = TestTokens.accessDigest(tokens);

        await(nodeA.tokens().revokeGrant(tokens.grant()));

        assertThat(eventually(() -> await(nodeB.tokens().findAccessToken(digest)), Optional::isEmpty)).isEmpty();
    }

    @Test
    void aRevocationOnTheSameNodeTakesEffectAtOnce() {
        IssuedTokens tokens = savedAndCachedOnB();
        SecretDigest digest = TestTokens.accessDigest(tokens);

        await(nodeB.tokens().revokeAccessToken(digest));

        assertThat(await(nodeB.tokens().findAccessToken(digest))).isEmpty();
    }

    @Test
    void aChangeThatNoNodeAnnouncedIsSeenOnceTheTtlHasPassedAndNotBefore() {
        IssuedTokens tokens = savedAndCachedOnB();
        SecretDigest digest = TestTokens.accessDigest(tokens);
        try (PgAdmin behindTheirBacks = new PgAdmin(PgTestDatabase.uri())) {
            behindTheirBacks.run("DELETE FROM access_tokens WHERE grant_id = '" + tokens.grant().value() + "'");
        }

        nanos.addAndGet(TTL.minusMillis(1).toNanos());
        Optional<AccessToken> justBefore = await(nodeB.tokens().findAccessToken(digest));
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        Optional<AccessToken> atTheBound = await(nodeB.tokens().findAccessToken(digest));

        assertThat(justBefore).as("served from the cache within the ttl").isPresent();
        assertThat(atTheBound).as("read again once the ttl has passed").isEmpty();
    }

    @Test
    void everyTokenOfAClientOrOwnerRevokedOnOneNodeLeavesTheOthersCache() throws Exception {
        IssuedTokens ofClient = savedAndCachedOnB();
        IssuedTokens ofOwner = savedAndCachedOnB();
        IssuedTokens unrelated = savedAndCachedOnB();

        await(nodeA.tokens().revokeAllOf(ofClient.access().token().clientId()));
        await(nodeA.tokens().revokeAllOf(ofOwner.access().token().owner().orElseThrow().subject()));

        for (IssuedTokens revoked : java.util.List.of(ofClient, ofOwner)) {
            SecretDigest digest = TestTokens.accessDigest(revoked);
            assertThat(eventually(() -> await(nodeB.tokens().findAccessToken(digest)), Optional::isEmpty)).isEmpty();
        }
        assertThat(await(nodeB.tokens().findAccessToken(TestTokens.accessDigest(unrelated)))).isPresent();
    }

    @Test
    void aClientDeletedOrGivenANewSecretOnOneNodeIsReadAfreshOnTheOther() throws Exception {
        RegisteredClient rotated = TestClients.confidential();
        RegisteredClient deleted = TestClients.confidential();
        await(nodeA.clients().add(rotated));
        await(nodeA.clients().add(deleted));
        assertThat(await(nodeB.clients().findById(rotated.id()))).contains(rotated);
        assertThat(await(nodeB.clients().findById(deleted.id()))).contains(deleted);
        SecretDigest fresh = SecretDigest.of("a fresh secret of enough length, 0123456789");

        await(nodeA.clients().replaceSecret(rotated.id(), fresh));
        await(nodeA.clients().delete(deleted.id()));

        assertThat(eventually(() -> await(nodeB.clients().findById(rotated.id())).flatMap(RegisteredClient::secretDigest),
                found -> found.equals(Optional.of(fresh)))).contains(fresh);
        assertThat(eventually(() -> await(nodeB.clients().findById(deleted.id())), Optional::isEmpty)).isEmpty();
    }

    @Test
    void aClientChangedOnOneNodeIsReadAfreshOnTheOther() throws Exception {
        ClientId id = TestClients.newId();
        RegisteredClient before = TestClients.confidential(id);
        await(nodeA.clients().add(before));
        assertThat(await(nodeB.clients().findById(id))).contains(before);
        RegisteredClient renamed = new RegisteredClient(id, "Renamed", before.authMethod(), before.secretDigest(),
                before.grantTypes(), before.redirectUris(), before.scope());

        await(nodeA.clients().upsert(renamed));

        assertThat(eventually(() -> await(nodeB.clients().findById(id)), found -> found.equals(Optional.of(renamed))))
                .contains(renamed);
    }

    @Test
    void aFailureCountedOnAnotherNodeRefreshesThisNodesCountAtItsOwnNextFailure() {
        ThrottleKey key = new ThrottleKey(ThrottleKey.Kind.USERNAME, "cache-" + TestTokens.unique());
        assertThat(await(nodeB.failures().current(key, T0))).isEqualTo(FailureCount.none());
        for (int i = 0; i < 5; i++) {
            await(nodeA.failures().recordFailure(key, T0, Duration.ofMinutes(15)));
        }

        FailureCount counted = await(nodeB.failures().recordFailure(key, T0, Duration.ofMinutes(15)));

        assertThat(counted.failures()).isEqualTo(6);
        assertThat(await(nodeB.failures().current(key, T0)).failures()).isEqualTo(6);
    }

    @Test
    void withoutACacheTtlNothingIsCached() throws Exception {
        var settings = PgStorage.Settings.of(PgTestDatabase.uri(), 2).withCacheTtl(Duration.ZERO);
        PgStorage uncached = PgStorage.open(PgTestDatabase.vertx(), settings, Clock.fixed(T0, ZoneOffset.UTC))
                .toCompletableFuture().get(60, TimeUnit.SECONDS);
        try {
            IssuedTokens tokens = TestTokens.withRefresh(T0);
            await(uncached.tokens().save(tokens));
            assertThat(await(uncached.tokens().findAccessToken(TestTokens.accessDigest(tokens)))).isPresent();
            try (PgAdmin behindItsBack = new PgAdmin(PgTestDatabase.uri())) {
                behindItsBack.run("DELETE FROM access_tokens WHERE grant_id = '" + tokens.grant().value() + "'");
            }

            assertThat(await(uncached.tokens().findAccessToken(TestTokens.accessDigest(tokens)))).isEmpty();
        } finally {
            await(uncached.close());
        }
    }
}

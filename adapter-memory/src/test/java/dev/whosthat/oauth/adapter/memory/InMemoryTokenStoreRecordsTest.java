package dev.whosthat.oauth.adapter.memory;

import static dev.whosthat.oauth.domain.port.Stages.await;
import static dev.whosthat.oauth.domain.port.TestTokens.T0;
import static dev.whosthat.oauth.domain.port.TestTokens.accessDigest;
import static dev.whosthat.oauth.domain.port.TestTokens.refreshDigest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.port.Rotation;
import dev.whosthat.oauth.domain.port.TestTokens;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.Minted;
import dev.whosthat.oauth.domain.token.RefreshToken;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.token.TokenMinter;
import dev.whosthat.oauth.domain.token.TokenValue;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the contract does not reach: how this store packs tokens into records, and its lone tokens. */
class InMemoryTokenStoreRecordsTest {

    private static final Scope SCOPE = Scope.of("read", "write");
    /** The latest instant a record holds: nanoseconds since the epoch in a long. */
    private static final Instant LATEST_RECORDED = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private final TokenMinter minter = new TokenMinter(new SecureRandomTokenGenerator(),
            new TokenLifetimes(Duration.ofHours(1), Duration.ofDays(30)));
    private final InMemoryTokenStore store = newStore();

    // --- revoked grants: their tokens hidden at once, deleted by the sweep -----------------------

    @Test
    void revokingAGrantRotatedManyTimesHidesEveryTokenItEverHadAndTheSweepDeletesThem() {
        IssuedTokens first = TestTokens.withRefresh(T0);
        save(first);
        List<IssuedTokens> chain = new java.util.ArrayList<>(List.of(first));
        for (int i = 0; i < 50; i++) {
            IssuedTokens previous = chain.get(chain.size() - 1);
            IssuedTokens next = TestTokens.successorOf(previous, T0);
            assertThat(await(store.rotate(refreshDigest(previous), next))).isEqualTo(Rotation.ROTATED);
            chain.add(next);
        }
        IssuedTokens other = TestTokens.withRefresh(T0);
        save(other);

        await(store.revokeGrant(first.grant()));

        for (IssuedTokens issued : chain) {
            assertThat(await(store.findAccessToken(accessDigest(issued)))).isEmpty();
            assertThat(await(store.findRefreshToken(refreshDigest(issued)))).isEmpty();
        }
        assertThat(await(store.findAccessToken(accessDigest(other)))).isPresent();
        assertThat(await(store.sweepExpired(T0, 1_000))).isEqualTo(2 * chain.size());
        assertThat(await(store.findRefreshToken(refreshDigest(other)))).isPresent();
    }

    @Test
    void revokingAnAccessTokenThatItsGrantsRevocationHidesReportsThatThereWasNone() {
        IssuedTokens lone = minter.accessOnly(minter.newGrant(Instant.EPOCH), TestTokens.newClientId(), Optional.empty(), SCOPE, T0);
        save(lone);
        await(store.revokeGrant(lone.grant()));

        assertThat(await(store.revokeAccessToken(accessDigest(lone)))).isFalse();
        assertThat(await(store.sweepExpired(T0, 100))).as("nothing left to sweep").isZero();
    }

    @Test
    void presentingARotatedRefreshTokenOfTheGrantIsReuseWhateverTheChainsLength() {
        IssuedTokens first = TestTokens.withRefresh(T0);
        save(first);
        IssuedTokens previous = first;
        for (int i = 0; i < 40; i++) {
            IssuedTokens next = TestTokens.successorOf(previous, T0);
            await(store.rotate(refreshDigest(previous), next));
            previous = next;
        }

        assertThat(await(store.rotate(refreshDigest(first), TestTokens.successorOf(previous, T0))))
                .isEqualTo(Rotation.REUSED);
        assertThat(await(store.findAccessToken(accessDigest(previous)))).isEmpty();
    }

    // --- grant ids that do not pack into two longs ----------------------------------------------

    private static final List<String> UNPACKABLE_GRANT_IDS = List.of(
            "grant-1",
            // 22 base64url characters whose last one has unused bits set: packing would turn it into "...AA"
            "AAAAAAAAAAAAAAAAAAAAAB",
            "AAAAAAAAAAAAAAAAAAAA==",
            "g".repeat(64));

    @Test
    void lonelyAccessTokensOfUnpackableGrantIdsAreFoundWithTheirGrantId() {
        for (String id : UNPACKABLE_GRANT_IDS) {
            IssuedTokens issued = minter.accessOnly(new GrantId(id), TestTokens.newClientId(), Optional.empty(), SCOPE, T0);

            save(issued);

            assertThat(await(store.findAccessToken(accessDigest(issued)))).as(id).contains(issued.access().token());
        }
    }

    @Test
    void tokensWithRefreshOfUnpackableGrantIdsAreFoundWithTheirGrantId() {
        for (String id : UNPACKABLE_GRANT_IDS) {
            IssuedTokens issued = minter.withRefresh(new GrantId(id), TestTokens.newClientId(),
                    Optional.of(TestTokens.newOwner()), SCOPE, SCOPE, T0);

            save(issued);

            assertThat(await(store.findAccessToken(accessDigest(issued)))).as(id).contains(issued.access().token());
            assertThat(await(store.findRefreshToken(refreshDigest(issued)))).as(id)
                    .contains(issued.refresh().orElseThrow().token());
        }
    }

    @Test
    void grantIdsThatOnlyLookAlikeWhenPackedStayApart() {
        IssuedTokens canonical = minter.accessOnly(new GrantId("AAAAAAAAAAAAAAAAAAAAAA"), TestTokens.newClientId(),
                Optional.empty(), SCOPE, T0);
        IssuedTokens lookalike = minter.accessOnly(new GrantId("AAAAAAAAAAAAAAAAAAAAAB"), TestTokens.newClientId(),
                Optional.empty(), SCOPE, T0);
        save(canonical);
        save(lookalike);

        await(store.revokeGrant(new GrantId("AAAAAAAAAAAAAAAAAAAAAB")));

        assertThat(await(store.findAccessToken(accessDigest(canonical)))).contains(canonical.access().token());
        assertThat(await(store.findAccessToken(accessDigest(lookalike)))).isEmpty();
    }

    @Test
    void aGrantWithAnUnpackableIdRotatesAndIsRevoked() {
        GrantId grant = new GrantId("grant-1");
        IssuedTokens first = save(minter.withRefresh(grant, TestTokens.newClientId(), Optional.of(TestTokens.newOwner()),
                SCOPE, SCOPE, T0));
        IssuedTokens second = TestTokens.successorOf(first, T0.plusSeconds(60));

        assertThat(await(store.rotate(refreshDigest(first), second))).isEqualTo(Rotation.ROTATED);
        await(store.revokeGrant(new GrantId("grant-1")));

        assertThat(await(store.findAccessToken(accessDigest(first)))).isEmpty();
        assertThat(await(store.findAccessToken(accessDigest(second)))).isEmpty();
        assertThat(await(store.findRefreshToken(refreshDigest(second))).filter(found -> found.state() == RefreshToken.State.ACTIVE))
                .isEmpty();
    }

    @Test
    void aLonelyAccessTokenOfAnUnpackableGrantIsHiddenByTheRevocationOfItsGrant() {
        IssuedTokens issued = save(minter.accessOnly(new GrantId("grant-1"), TestTokens.newClientId(), Optional.empty(),
                SCOPE, T0));

        await(store.revokeGrant(new GrantId("grant-1")));

        assertThat(await(store.findAccessToken(accessDigest(issued)))).isEmpty();
        assertThat(await(store.sweepExpired(T0, 100))).isEqualTo(1);
    }

    // --- fields -------------------------------------------------------------------------------

    @Test
    void thousandsOfTokensOfManyGrantsClientsScopesAndOwnersAreFoundWithEveryField() {
        List<IssuedTokens> saved = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            GrantId grant = switch (i % 3) {
                case 0 -> minter.newGrant(Instant.EPOCH);
                case 1 -> new GrantId("grant-" + i);
                // 'B' to 'P': a last character with unused bits set, so never packable
                default -> new GrantId("A".repeat(21) + (char) ('B' + i % 15));
            };
            ClientId client = new ClientId("client-" + i % 500);
            Scope scope = Scope.of("scope-" + i % 200, "shared");
            Optional<TokenOwnerRef> owner = i % 4 == 0 ? Optional.empty()
                    : Optional.of(new TokenOwnerRef(new UserId("user-" + i % 700), new Username("name-" + i % 900)));
            Instant issuedAt = T0.plusSeconds(i).plusNanos(i * 7_919L);
            saved.add(save(i % 2 == 0
                    ? minter.withRefresh(grant, client, owner, scope, scope, issuedAt)
                    : minter.accessOnly(grant, client, owner, scope, issuedAt)));
        }

        for (IssuedTokens issued : saved) {
            assertThat(await(store.findAccessToken(accessDigest(issued)))).contains(issued.access().token());
            issued.refresh().ifPresent(refresh ->
                    assertThat(await(store.findRefreshToken(refresh.token().digest()))).contains(refresh.token()));
        }
    }

    @Test
    void instantsKeepTheirNanoseconds() {
        Instant issuedAt = T0.plusNanos(123_456_789);
        IssuedTokens issued = save(minter.withRefresh(minter.newGrant(Instant.EPOCH), TestTokens.newClientId(),
                Optional.of(TestTokens.newOwner()), SCOPE, SCOPE, issuedAt));

        AccessToken found = await(store.findAccessToken(accessDigest(issued))).orElseThrow();

        assertThat(found.issuedAt()).isEqualTo(issuedAt);
        assertThat(found.expiresAt()).isEqualTo(issuedAt.plus(Duration.ofHours(1)));
        assertThat(await(store.findRefreshToken(refreshDigest(issued))).orElseThrow().expiresAt())
                .isEqualTo(issuedAt.plus(Duration.ofDays(30)));
    }

    @Test
    void anExpiryBeyondWhatARecordHoldsIsClampedAndNeverCountsAsExpired() {
        GrantId grant = minter.newGrant(Instant.EPOCH);
        ClientId client = TestTokens.newClientId();
        AccessToken access = new AccessToken(SecretDigest.of("far-access"), grant, client, Optional.empty(), SCOPE, T0,
                Instant.MAX);
        RefreshToken refresh = new RefreshToken(SecretDigest.of("far-refresh"), grant, client, Optional.empty(), SCOPE,
                T0, Instant.MAX.minusSeconds(1), RefreshToken.State.ACTIVE);
        save(new IssuedTokens(minted(access), Optional.of(minted(refresh))));
        Instant centuriesLater = Instant.parse("2262-01-01T00:00:00Z");

        assertThat(await(store.sweepExpired(centuriesLater, 100))).isZero();

        AccessToken foundAccess = await(store.findAccessToken(access.digest())).orElseThrow();
        RefreshToken foundRefresh = await(store.findRefreshToken(refresh.digest())).orElseThrow();
        assertThat(foundAccess.expiresAt()).isEqualTo(LATEST_RECORDED);
        assertThat(foundRefresh.expiresAt()).isEqualTo(LATEST_RECORDED);
        assertThat(foundAccess.isActiveAt(centuriesLater)).isTrue();
        assertThat(foundRefresh.isActiveAt(centuriesLater)).isTrue();
        assertThat(foundAccess.issuedAt()).isEqualTo(T0);
    }

    @Test
    void aTokenIssuedAndExpiringBeyondWhatARecordHoldsStillExpiresAfterItIsIssued() {
        AccessToken access = new AccessToken(SecretDigest.of("far-issued"), minter.newGrant(Instant.EPOCH), TestTokens.newClientId(),
                Optional.empty(), SCOPE, Instant.MAX.minusSeconds(10), Instant.MAX);
        save(new IssuedTokens(minted(access), Optional.empty()));

        AccessToken found = await(store.findAccessToken(access.digest())).orElseThrow();

        assertThat(found.expiresAt()).isEqualTo(LATEST_RECORDED);
        assertThat(found.issuedAt()).isBefore(found.expiresAt());
    }

    @Test
    void anIssuedAtBeforeWhatARecordHoldsIsClampedToTheEarliestInstant() {
        AccessToken access = new AccessToken(SecretDigest.of("ancient"), minter.newGrant(Instant.EPOCH), TestTokens.newClientId(),
                Optional.empty(), SCOPE, Instant.MIN, T0);
        save(new IssuedTokens(minted(access), Optional.empty()));

        AccessToken found = await(store.findAccessToken(access.digest())).orElseThrow();

        assertThat(found.issuedAt()).isEqualTo(Instant.ofEpochSecond(0, Long.MIN_VALUE));
        assertThat(found.expiresAt()).isEqualTo(T0);
    }

    // --- lone access tokens (no grant record) -------------------------------------------------------

    @Test
    void aLonelyAccessTokenIsHiddenRightAfterItsGrantIsRevokedAndTheNextSweepRemovesAndCountsIt() {
        IssuedTokens revoked = save(TestTokens.accessOnly(T0));
        IssuedTokens other = save(TestTokens.accessOnly(T0));

        await(store.revokeGrant(revoked.grant()));

        assertThat(await(store.findAccessToken(accessDigest(revoked)))).isEmpty();
        assertThat(await(store.findAccessToken(accessDigest(other)))).contains(other.access().token());
        // Nothing has expired yet: the one token swept is the hidden one.
        assertThat(await(store.sweepExpired(T0, 100))).isEqualTo(1);
        assertThat(await(store.sweepExpired(T0, 100))).isZero();
        assertThat(await(store.findAccessToken(accessDigest(revoked)))).isEmpty();
        assertThat(await(store.findAccessToken(accessDigest(other)))).contains(other.access().token());
    }

    @Test
    void aLonelyAccessTokenArrivingAfterItsGrantWasRevokedIsRefused() {
        IssuedTokens late = TestTokens.accessOnly(T0);
        await(store.revokeGrant(late.grant()));

        save(late);

        assertThat(await(store.findAccessToken(accessDigest(late)))).isEmpty();
        assertThat(await(store.sweepExpired(T0, 100))).as("nothing was stored to sweep").isZero();
    }

    @Test
    void revokingAllOfAClientReachesItsLonelyAccessTokens() {
        ClientId client = TestTokens.newClientId();
        List<IssuedTokens> ofClient = List.of(save(TestTokens.accessOnly(client, T0)),
                save(TestTokens.accessOnly(client, T0)), save(TestTokens.accessOnly(client, T0)));
        IssuedTokens ofOtherClient = save(TestTokens.accessOnly(T0));

        await(store.revokeAllOf(client));

        assertThat(ofClient).allSatisfy(issued ->
                assertThat(await(store.findAccessToken(accessDigest(issued)))).isEmpty());
        assertThat(await(store.findAccessToken(accessDigest(ofOtherClient)))).contains(ofOtherClient.access().token());
        assertThat(await(store.sweepExpired(T0, 100))).isEqualTo(3);
    }

    @Test
    void revokingAllOfAnOwnerReachesTheirLonelyAccessTokensUnderEveryUsername() {
        UserId user = new UserId("user-" + TestTokens.unique());
        TokenOwnerRef before = new TokenOwnerRef(user, new Username("old-name"));
        TokenOwnerRef after = new TokenOwnerRef(user, new Username("new-name"));
        List<IssuedTokens> ofOwner = List.of(save(accessOnly(TestTokens.newClientId(), Optional.of(before))),
                save(accessOnly(TestTokens.newClientId(), Optional.of(after))));
        IssuedTokens ofOtherOwner = save(accessOnly(TestTokens.newClientId(), Optional.of(TestTokens.newOwner())));
        IssuedTokens ofNoOwner = save(accessOnly(TestTokens.newClientId(), Optional.empty()));

        await(store.revokeAllOf(user));

        assertThat(ofOwner).allSatisfy(issued ->
                assertThat(await(store.findAccessToken(accessDigest(issued)))).isEmpty());
        assertThat(await(store.findAccessToken(accessDigest(ofOtherOwner)))).contains(ofOtherOwner.access().token());
        assertThat(await(store.findAccessToken(accessDigest(ofNoOwner)))).contains(ofNoOwner.access().token());
        assertThat(await(store.sweepExpired(T0, 100))).isEqualTo(2);
    }

    @Test
    void aRevokedLonelyAccessTokenStaysHiddenWhenALimitedSweepStopsBeforeIt() {
        // Access tokens may live longer than the one day a tombstone of a grant without record is kept.
        ClientId client = TestTokens.newClientId();
        // The sweep walks the table from the first segment (first six bits of the digest) on:
        // an expired token there takes the sweep's whole limit of one.
        AccessToken expired = new AccessToken(SecretDigest.fromWords(0L, 1, 1, 1), minter.newGrant(Instant.EPOCH), client,
                Optional.empty(), SCOPE, T0, T0.plus(Duration.ofHours(1)));
        AccessToken longLived = new AccessToken(SecretDigest.fromWords(-1L, 2, 2, 2), minter.newGrant(Instant.EPOCH), client,
                Optional.empty(), SCOPE, T0, T0.plus(Duration.ofDays(30)));
        save(new IssuedTokens(minted(expired), Optional.empty()));
        save(new IssuedTokens(minted(longLived), Optional.empty()));
        await(store.revokeGrant(longLived.grant()));
        assertThat(await(store.findAccessToken(longLived.digest()))).isEmpty();

        Instant twoDaysLater = T0.plus(Duration.ofDays(2));
        assertThat(await(store.sweepExpired(twoDaysLater, 1))).isEqualTo(1);

        assertThat(await(store.findAccessToken(longLived.digest())))
                .as("a token of a revoked grant, still unexpired, after one limited sweep")
                .isEmpty();
    }

    // --- scale --------------------------------------------------------------------------------------

    @Test
    void aHundredThousandClientCredentialsTokensAreAllFound() {
        List<ClientId> clients = List.of(TestTokens.newClientId(), TestTokens.newClientId(), TestTokens.newClientId());
        List<AccessToken> saved = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            IssuedTokens issued = minter.accessOnly(minter.newGrant(Instant.EPOCH), clients.get(i % 3), Optional.empty(), SCOPE,
                    T0.plusMillis(i));
            save(issued);
            saved.add(issued.access().token());
        }

        List<AccessToken> missing = new ArrayList<>();
        for (AccessToken token : saved) {
            Optional<AccessToken> found = await(store.findAccessToken(token.digest()));
            if (!found.equals(Optional.of(token))) {
                missing.add(token);
            }
        }

        assertThat(missing).isEmpty();
        assertThat(await(store.findAccessToken(TestTokens.unknownDigest()))).isEmpty();
        assertThat(await(store.sweepExpired(T0.plus(Duration.ofDays(1)), Integer.MAX_VALUE))).isEqualTo(100_000);
    }

    // --- helpers ------------------------------------------------------------------------------------

    private static InMemoryTokenStore newStore() {
        return new InMemoryTokenStore(Clock.fixed(T0, ZoneOffset.UTC));
    }

    private IssuedTokens save(IssuedTokens issued) {
        await(store.save(issued));
        return issued;
    }

    private IssuedTokens accessOnly(ClientId client, Optional<TokenOwnerRef> owner) {
        return minter.accessOnly(minter.newGrant(Instant.EPOCH), client, owner, SCOPE, T0);
    }

    private static <T> Minted<T> minted(T token) {
        return new Minted<>(new TokenValue("not-used-by-the-store"), token);
    }
}

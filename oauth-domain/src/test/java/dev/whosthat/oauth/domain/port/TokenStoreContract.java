package dev.whosthat.oauth.domain.port;

import static dev.whosthat.oauth.domain.port.Stages.await;
import static dev.whosthat.oauth.domain.port.TestTokens.T0;
import static dev.whosthat.oauth.domain.port.TestTokens.accessDigest;
import static dev.whosthat.oauth.domain.port.TestTokens.refreshDigest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.RefreshToken;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link TokenStore} contract, run against every adapter. The store may be fresh per test or
 * shared: every fixture is unique, and sweeps that count first drain what earlier tests left.
 */
public abstract class TokenStoreContract {

    /** Later than anything any fixture of this suite expires at. */
    private static final Instant AFTER_EVERYTHING = T0.plus(Duration.ofDays(3650));

    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

    private TokenStore tokens;

    /** The store under test; called once before each test. */
    protected abstract TokenStore store();

    @BeforeEach
    void createStore() {
        tokens = store();
    }

    // --- not found -------------------------------------------------------------------------

    @Test
    void unknownAccessTokenIsNotFound() {
        assertThat(await(tokens.findAccessToken(TestTokens.unknownDigest()))).isEmpty();
    }

    @Test
    void unknownRefreshTokenIsNotFound() {
        assertThat(await(tokens.findRefreshToken(TestTokens.unknownDigest()))).isEmpty();
    }

    @Test
    void accessAndRefreshTokensAreNotFoundAsTheOtherKind() {
        IssuedTokens issued = saved(TestTokens.withRefresh(T0));

        assertThat(await(tokens.findAccessToken(refreshDigest(issued)))).isEmpty();
        assertThat(await(tokens.findRefreshToken(accessDigest(issued)))).isEmpty();
    }

    // --- save and find ---------------------------------------------------------------------

    @Test
    void savedAccessTokenIsFoundByItsDigestWithEveryField() {
        IssuedTokens issued = saved(TestTokens.withRefresh(T0));

        assertThat(await(tokens.findAccessToken(accessDigest(issued)))).contains(issued.access().token());
    }

    @Test
    void savedRefreshTokenIsFoundActiveWithEveryField() {
        IssuedTokens issued = saved(TestTokens.withRefresh(T0));

        Optional<RefreshToken> found = await(tokens.findRefreshToken(refreshDigest(issued)));

        assertThat(found).contains(issued.refresh().orElseThrow().token());
        assertThat(found.orElseThrow().state()).isEqualTo(RefreshToken.State.ACTIVE);
    }

    @Test
    void savedClientCredentialsTokenHasNoOwnerAndTheClientAsSubject() {
        IssuedTokens issued = saved(TestTokens.accessOnly(T0));

        AccessToken found = await(tokens.findAccessToken(accessDigest(issued))).orElseThrow();

        assertThat(found.owner()).isEmpty();
        assertThat(found.subject()).isEqualTo(issued.access().token().clientId().value());
    }

    @Test
    void expiredTokensAreStillFoundUntilSwept() {
        // Long expired by any clock, the test's or the storage server's: finding does not filter by time.
        IssuedTokens issued = saved(TestTokens.withRefresh(LONG_AGO));

        assertThat(await(tokens.findAccessToken(accessDigest(issued)))).contains(issued.access().token());
        assertThat(await(tokens.findRefreshToken(refreshDigest(issued))))
                .contains(issued.refresh().orElseThrow().token());
    }

    // --- expiry ----------------------------------------------------------------------------

    @Test
    void sweepDeletesExpiredAccessTokensAndKeepsLiveOnes() {
        IssuedTokens early = saved(TestTokens.withRefresh(T0));
        IssuedTokens late = saved(TestTokens.accessOnly(T0.plus(Duration.ofMinutes(90))));

        sweepAll(T0.plus(Duration.ofHours(2)));

        assertThat(await(tokens.findAccessToken(accessDigest(early)))).isEmpty();
        assertThat(await(tokens.findRefreshToken(refreshDigest(early)))).isPresent();
        assertThat(await(tokens.findAccessToken(accessDigest(late)))).isPresent();
    }

    @Test
    void sweepDeletesExpiredRefreshTokensAndKeepsLiveOnes() {
        IssuedTokens early = saved(TestTokens.withRefresh(T0));
        IssuedTokens late = saved(TestTokens.withRefresh(T0.plus(Duration.ofDays(20))));

        sweepAll(T0.plus(Duration.ofDays(31)));

        assertThat(await(tokens.findAccessToken(accessDigest(early)))).isEmpty();
        assertThat(await(tokens.findRefreshToken(refreshDigest(early)))).isEmpty();
        assertThat(await(tokens.findRefreshToken(refreshDigest(late)))).isPresent();
    }

    @Test
    void sweepLeavesTokensThatAreStillLive() {
        IssuedTokens issued = saved(TestTokens.withRefresh(T0));

        sweepAll(T0.plus(Duration.ofMinutes(59)));

        assertThat(await(tokens.findAccessToken(accessDigest(issued)))).isPresent();
        assertThat(await(tokens.findRefreshToken(refreshDigest(issued)))).isPresent();
    }

    @Test
    void sweepReportsHowManyTokensItDeleted() {
        sweepAll(AFTER_EVERYTHING);
        saved(TestTokens.withRefresh(T0));
        saved(TestTokens.accessOnly(T0));

        int deleted = await(tokens.sweepExpired(T0.plus(Duration.ofDays(31)), 100));

        // two access tokens and one refresh token
        assertThat(deleted).isEqualTo(3);
    }

    @Test
    void sweepDeletesNoMoreThanTheLimit() {
        sweepAll(AFTER_EVERYTHING);
        List<IssuedTokens> issued = List.of(saved(TestTokens.accessOnly(T0)), saved(TestTokens.accessOnly(T0)),
                saved(TestTokens.accessOnly(T0)));

        int deleted = await(tokens.sweepExpired(T0.plus(Duration.ofHours(2)), 2));

        long left = issued.stream().filter(t -> await(tokens.findAccessToken(accessDigest(t))).isPresent()).count();
        assertThat(deleted).isEqualTo(2);
        assertThat(left).isEqualTo(1);
    }

    // --- revocation ------------------------------------------------------------------------

    @Test
    void revokedAccessTokenIsGoneAndItsGrantLivesOn() {
        IssuedTokens issued = saved(TestTokens.withRefresh(T0));

        assertThat(await(tokens.revokeAccessToken(accessDigest(issued)))).isTrue();

        assertThat(await(tokens.findAccessToken(accessDigest(issued)))).isEmpty();
        assertThat(await(tokens.findRefreshToken(refreshDigest(issued))))
                .hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(RefreshToken.State.ACTIVE));
    }

    @Test
    void revokingAnUnknownAccessTokenReportsFalse() {
        assertThat(await(tokens.revokeAccessToken(TestTokens.unknownDigest()))).isFalse();
    }

    @Test
    void revokingAnAccessTokenTwiceReportsFalseTheSecondTime() {
        IssuedTokens issued = saved(TestTokens.accessOnly(T0));

        assertThat(await(tokens.revokeAccessToken(accessDigest(issued)))).isTrue();
        assertThat(await(tokens.revokeAccessToken(accessDigest(issued)))).isFalse();
    }

    @Test
    void revokeGrantRemovesEveryAccessAndRefreshTokenOfTheGrant() {
        IssuedTokens first = saved(TestTokens.withRefresh(T0));
        IssuedTokens second = TestTokens.successorOf(first, T0.plusSeconds(60));
        assertThat(await(tokens.rotate(refreshDigest(first), second))).isEqualTo(Rotation.ROTATED);

        await(tokens.revokeGrant(first.grant()));

        assertThat(await(tokens.findAccessToken(accessDigest(first)))).isEmpty();
        assertThat(await(tokens.findAccessToken(accessDigest(second)))).isEmpty();
        assertRefreshTokenNotActive(refreshDigest(first));
        assertRefreshTokenNotActive(refreshDigest(second));
    }

    @Test
    void revokeGrantLeavesOtherGrantsAlone() {
        IssuedTokens revoked = saved(TestTokens.withRefresh(T0));
        IssuedTokens other = saved(TestTokens.withRefresh(T0));

        await(tokens.revokeGrant(revoked.grant()));

        assertThat(await(tokens.findAccessToken(accessDigest(other)))).isPresent();
        assertThat(await(tokens.findRefreshToken(refreshDigest(other))))
                .hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(RefreshToken.State.ACTIVE));
    }

    @Test
    void revokingAGrantTwiceIsHarmless() {
        IssuedTokens issued = saved(TestTokens.withRefresh(T0));

        await(tokens.revokeGrant(issued.grant()));
        await(tokens.revokeGrant(issued.grant()));

        assertThat(await(tokens.findAccessToken(accessDigest(issued)))).isEmpty();
    }

    @Test
    void tokensSavedForARevokedGrantAreNeverFindable() {
        IssuedTokens first = saved(TestTokens.withRefresh(T0));
        await(tokens.revokeGrant(first.grant()));

        IssuedTokens late = saved(TestTokens.successorOf(first, T0.plusSeconds(1)));

        assertThat(await(tokens.findAccessToken(accessDigest(late)))).isEmpty();
        assertRefreshTokenNotActive(refreshDigest(late));
    }

    @Test
    void revokingAGrantBeforeItsTokensArriveKeepsThemRevoked() {
        IssuedTokens late = TestTokens.withRefresh(T0);
        await(tokens.revokeGrant(late.grant()));

        saved(late);

        assertThat(await(tokens.findAccessToken(accessDigest(late)))).isEmpty();
        assertRefreshTokenNotActive(refreshDigest(late));
    }

    @Test
    void rotatingARefreshTokenOfARevokedGrantIsInactive() {
        IssuedTokens issued = saved(TestTokens.withRefresh(T0));
        await(tokens.revokeGrant(issued.grant()));
        IssuedTokens successor = TestTokens.successorOf(issued, T0.plusSeconds(60));

        assertThat(await(tokens.rotate(refreshDigest(issued), successor))).isEqualTo(Rotation.INACTIVE);

        assertThat(await(tokens.findAccessToken(accessDigest(successor)))).isEmpty();
        assertRefreshTokenNotActive(refreshDigest(successor));
    }

    // --- rotation --------------------------------------------------------------------------

    @Test
    void rotatingTheCurrentRefreshTokenReportsRotatedAndStoresTheSuccessor() {
        IssuedTokens issued = saved(TestTokens.withRefresh(T0));
        IssuedTokens successor = TestTokens.successorOf(issued, T0.plusSeconds(60));

        assertThat(await(tokens.rotate(refreshDigest(issued), successor))).isEqualTo(Rotation.ROTATED);

        assertThat(await(tokens.findRefreshToken(refreshDigest(issued))))
                .hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(RefreshToken.State.ROTATED));
        assertThat(await(tokens.findRefreshToken(refreshDigest(successor))))
                .contains(successor.refresh().orElseThrow().token());
        assertThat(await(tokens.findAccessToken(accessDigest(successor)))).contains(successor.access().token());
    }

    @Test
    void rotationLeavesTheEarlierAccessTokenAlone() {
        IssuedTokens issued = saved(TestTokens.withRefresh(T0));

        await(tokens.rotate(refreshDigest(issued), TestTokens.successorOf(issued, T0.plusSeconds(60))));

        assertThat(await(tokens.findAccessToken(accessDigest(issued)))).isPresent();
    }

    @Test
    void successorRotatesInTurn() {
        IssuedTokens first = saved(TestTokens.withRefresh(T0));
        IssuedTokens second = TestTokens.successorOf(first, T0.plusSeconds(60));
        IssuedTokens third = TestTokens.successorOf(second, T0.plusSeconds(120));

        assertThat(await(tokens.rotate(refreshDigest(first), second))).isEqualTo(Rotation.ROTATED);
        assertThat(await(tokens.rotate(refreshDigest(second), third))).isEqualTo(Rotation.ROTATED);

        assertThat(await(tokens.findRefreshToken(refreshDigest(third))))
                .hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(RefreshToken.State.ACTIVE));
    }

    @Test
    void secondRotationOfSameTokenRevokesTheGrant() {
        IssuedTokens first = saved(TestTokens.withRefresh(T0));
        IssuedTokens second = TestTokens.successorOf(first, T0.plusSeconds(60));
        IssuedTokens replay = TestTokens.successorOf(first, T0.plusSeconds(120));
        assertThat(await(tokens.rotate(refreshDigest(first), second))).isEqualTo(Rotation.ROTATED);

        assertThat(await(tokens.rotate(refreshDigest(first), replay))).isEqualTo(Rotation.REUSED);

        assertThat(await(tokens.findAccessToken(accessDigest(first)))).isEmpty();
        assertThat(await(tokens.findAccessToken(accessDigest(second)))).isEmpty();
        assertThat(await(tokens.findAccessToken(accessDigest(replay)))).isEmpty();
        assertRefreshTokenNotActive(refreshDigest(first));
        assertRefreshTokenNotActive(refreshDigest(second));
        assertRefreshTokenNotActive(refreshDigest(replay));
    }

    @Test
    void successorOfAReusedTokenNoLongerRotates() {
        IssuedTokens first = saved(TestTokens.withRefresh(T0));
        IssuedTokens second = TestTokens.successorOf(first, T0.plusSeconds(60));
        await(tokens.rotate(refreshDigest(first), second));
        await(tokens.rotate(refreshDigest(first), TestTokens.successorOf(first, T0.plusSeconds(120))));

        IssuedTokens third = TestTokens.successorOf(second, T0.plusSeconds(180));

        assertThat(await(tokens.rotate(refreshDigest(second), third))).isEqualTo(Rotation.INACTIVE);
        assertThat(await(tokens.findAccessToken(accessDigest(third)))).isEmpty();
    }

    @Test
    void rotatingAnUnknownRefreshTokenIsInactiveAndChangesNothing() {
        IssuedTokens issued = saved(TestTokens.withRefresh(T0));
        IssuedTokens successor = TestTokens.successorOf(issued, T0.plusSeconds(60));

        assertThat(await(tokens.rotate(TestTokens.unknownDigest(), successor))).isEqualTo(Rotation.INACTIVE);

        assertThat(await(tokens.findAccessToken(accessDigest(successor)))).isEmpty();
        assertThat(await(tokens.findRefreshToken(refreshDigest(successor)))).isEmpty();
        assertThat(await(tokens.findAccessToken(accessDigest(issued)))).isPresent();
        assertThat(await(tokens.rotate(refreshDigest(issued), successor))).isEqualTo(Rotation.ROTATED);
    }

    @Test
    void rotatingForAGrantNeverSavedIsInactive() {
        IssuedTokens neverSaved = TestTokens.withRefresh(T0);
        IssuedTokens successor = TestTokens.successorOf(neverSaved, T0.plusSeconds(60));

        assertThat(await(tokens.rotate(refreshDigest(neverSaved), successor))).isEqualTo(Rotation.INACTIVE);

        assertThat(await(tokens.findAccessToken(accessDigest(successor)))).isEmpty();
    }

    // --- concurrency -----------------------------------------------------------------------

    @Test
    void concurrentRotationsOfOneTokenRotateExactlyOnce() throws Exception {
        IssuedTokens issued = saved(TestTokens.withRefresh(T0));
        List<IssuedTokens> successors = new ArrayList<>();
        for (int i = 0; i < Concurrently.THREADS; i++) {
            successors.add(TestTokens.successorOf(issued, T0.plusSeconds(60)));
        }

        List<Rotation> results = Concurrently.run(Concurrently.THREADS,
                i -> tokens.rotate(refreshDigest(issued), successors.get(i)));

        assertThat(results).filteredOn(r -> r == Rotation.ROTATED).hasSize(1);
    }

    @Test
    void concurrentRotationsOfDifferentGrantsAllRotate() throws Exception {
        List<IssuedTokens> grants = new ArrayList<>();
        List<IssuedTokens> successors = new ArrayList<>();
        for (int i = 0; i < Concurrently.THREADS; i++) {
            IssuedTokens issued = saved(TestTokens.withRefresh(T0));
            grants.add(issued);
            successors.add(TestTokens.successorOf(issued, T0.plusSeconds(60)));
        }

        List<Rotation> results = Concurrently.run(Concurrently.THREADS,
                i -> tokens.rotate(refreshDigest(grants.get(i)), successors.get(i)));

        assertThat(results).containsOnly(Rotation.ROTATED);
        assertThat(successors).allSatisfy(s -> assertThat(await(tokens.findAccessToken(accessDigest(s)))).isPresent());
    }

    // --- revoking everything of a client or an owner ----------------------------------------

    @Test
    void revokingAllOfAClientRevokesEveryGrantOfItAndNoOther() {
        ClientId client = TestTokens.newClientId();
        IssuedTokens withRefresh = saved(TestTokens.withRefresh(client, TestTokens.newOwner(), T0));
        IssuedTokens accessOnly = saved(TestTokens.accessOnly(client, T0));
        IssuedTokens otherClient = saved(TestTokens.withRefresh(T0));

        await(tokens.revokeAllOf(client));

        assertThat(await(tokens.findAccessToken(accessDigest(withRefresh)))).isEmpty();
        assertThat(await(tokens.findAccessToken(accessDigest(accessOnly)))).isEmpty();
        assertRefreshTokenNotActive(refreshDigest(withRefresh));
        assertThat(await(tokens.rotate(refreshDigest(withRefresh), TestTokens.successorOf(withRefresh, T0.plusSeconds(1)))))
                .isEqualTo(Rotation.INACTIVE);
        assertThat(await(tokens.findAccessToken(accessDigest(otherClient)))).contains(otherClient.access().token());
        assertThat(await(tokens.findRefreshToken(refreshDigest(otherClient))))
                .hasValueSatisfying(found -> assertThat(found.state()).isEqualTo(RefreshToken.State.ACTIVE));
    }

    @Test
    void tokensSavedLaterForAGrantOfARevokedClientAreRefused() {
        ClientId client = TestTokens.newClientId();
        IssuedTokens first = saved(TestTokens.withRefresh(client, TestTokens.newOwner(), T0));
        await(tokens.revokeAllOf(client));

        IssuedTokens late = saved(TestTokens.successorOf(first, T0.plusSeconds(1)));

        assertThat(await(tokens.findAccessToken(accessDigest(late)))).isEmpty();
    }

    @Test
    void revokingAllOfAnOwnerRevokesEveryGrantIssuedForThemAndNoOther() {
        TokenOwnerRef owner = TestTokens.newOwner();
        IssuedTokens viaOneClient = saved(TestTokens.withRefresh(TestTokens.newClientId(), owner, T0));
        IssuedTokens viaAnother = saved(TestTokens.withRefresh(TestTokens.newClientId(), owner, T0));
        IssuedTokens otherOwner = saved(TestTokens.withRefresh(T0));
        IssuedTokens clientOnly = saved(TestTokens.accessOnly(T0));

        await(tokens.revokeAllOf(owner.subject()));

        for (IssuedTokens revoked : List.of(viaOneClient, viaAnother)) {
            assertThat(await(tokens.findAccessToken(accessDigest(revoked)))).isEmpty();
            assertRefreshTokenNotActive(refreshDigest(revoked));
        }
        assertThat(await(tokens.findAccessToken(accessDigest(otherOwner)))).contains(otherOwner.access().token());
        assertThat(await(tokens.findAccessToken(accessDigest(clientOnly)))).contains(clientOnly.access().token());
    }

    @Test
    void revokingAllOfAClientOrOwnerWithoutTokensIsHarmless() {
        await(tokens.revokeAllOf(TestTokens.newClientId()));
        await(tokens.revokeAllOf(TestTokens.newOwner().subject()));
    }

    // --- an access token alone that opens its grant (a client credentials token) -------------

    @Test
    void tokenOpeningItsGrantIsFoundWithEveryField() {
        IssuedTokens issued = saved(TestTokens.accessOnly(T0).openingTheirGrant());

        assertThat(await(tokens.findAccessToken(accessDigest(issued)))).contains(issued.access().token());
    }

    @Test
    void tokenOpeningItsGrantGoesWithTheRevocationOfItsGrant() {
        IssuedTokens issued = saved(TestTokens.accessOnly(T0).openingTheirGrant());
        IssuedTokens other = saved(TestTokens.accessOnly(T0).openingTheirGrant());

        await(tokens.revokeGrant(issued.grant()));

        assertThat(await(tokens.findAccessToken(accessDigest(issued)))).isEmpty();
        assertThat(await(tokens.findAccessToken(accessDigest(other)))).contains(other.access().token());
    }

    @Test
    void tokenOpeningItsGrantGoesWithItsClientsRevocation() {
        ClientId client = TestTokens.newClientId();
        IssuedTokens issued = saved(TestTokens.accessOnly(client, T0).openingTheirGrant());
        IssuedTokens otherClient = saved(TestTokens.accessOnly(T0).openingTheirGrant());

        await(tokens.revokeAllOf(client));

        assertThat(await(tokens.findAccessToken(accessDigest(issued)))).isEmpty();
        assertThat(await(tokens.findAccessToken(accessDigest(otherClient)))).contains(otherClient.access().token());
    }

    @Test
    void tokenOpeningItsGrantIsRevokedAloneAndSweptWhenExpired() {
        sweepAll(AFTER_EVERYTHING);
        IssuedTokens revoked = saved(TestTokens.accessOnly(T0).openingTheirGrant());
        IssuedTokens expiring = saved(TestTokens.accessOnly(T0).openingTheirGrant());
        IssuedTokens live = saved(TestTokens.accessOnly(T0.plus(Duration.ofHours(3))).openingTheirGrant());

        assertThat(await(tokens.revokeAccessToken(accessDigest(revoked)))).isTrue();
        int swept = await(tokens.sweepExpired(T0.plus(Duration.ofHours(2)), 100));

        assertThat(swept).isEqualTo(1);
        assertThat(await(tokens.findAccessToken(accessDigest(revoked)))).isEmpty();
        assertThat(await(tokens.findAccessToken(accessDigest(expiring)))).isEmpty();
        assertThat(await(tokens.findAccessToken(accessDigest(live)))).contains(live.access().token());
    }

    // --- helpers ---------------------------------------------------------------------------

    private IssuedTokens saved(IssuedTokens issued) {
        await(tokens.save(issued));
        return issued;
    }

    /** Sweeps until nothing is left to sweep, whatever the store holds from earlier tests. */
    private void sweepAll(Instant now) {
        for (int round = 0; round < 10_000 && await(tokens.sweepExpired(now, 1_000)) > 0; round++) {
            // keep sweeping
        }
    }

    /** A revoked refresh token may be deleted or kept in a state that no longer rotates. */
    private void assertRefreshTokenNotActive(SecretDigest digest) {
        assertThat(await(tokens.findRefreshToken(digest)))
                .satisfiesAnyOf(
                        found -> assertThat(found).isEmpty(),
                        found -> assertThat(found.orElseThrow().state()).isNotEqualTo(RefreshToken.State.ACTIVE));
    }
}

package dev.whosthat.oauth.domain.port;

import static dev.whosthat.oauth.domain.port.Stages.await;
import static dev.whosthat.oauth.domain.port.TestTokens.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.code.AuthorizationCode;
import dev.whosthat.oauth.domain.port.AuthorizationCodeStore.Consumption;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link AuthorizationCodeStore} contract, run against every adapter. The store may be fresh per
 * test or shared: every fixture is unique, and sweeps that count first drain what earlier tests left.
 */
public abstract class AuthorizationCodeStoreContract {

    /** Later than anything any fixture of this suite expires at. */
    private static final Instant AFTER_EVERYTHING = T0.plus(Duration.ofDays(3650));
    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

    private AuthorizationCodeStore codes;

    /** The store under test; called once before each test. */
    protected abstract AuthorizationCodeStore store();

    @BeforeEach
    void createStore() {
        codes = store();
    }

    // --- not found -------------------------------------------------------------------------

    @Test
    void unknownCodeIsNotFound() {
        assertThat(await(codes.find(TestTokens.unknownDigest()))).isEmpty();
    }

    @Test
    void consumingAnUnknownCodeReportsNotFound() {
        assertThat(await(codes.consume(TestTokens.unknownDigest()))).isEqualTo(Consumption.NOT_FOUND);
    }

    // --- save and find ---------------------------------------------------------------------

    @Test
    void savedCodeIsFoundByItsDigestWithEveryField() {
        AuthorizationCode code = saved(TestCodes.code(T0));

        assertThat(await(codes.find(code.digest()))).contains(code);
    }

    @Test
    void savedCodeWithoutChallengeNorGivenRedirectUriIsFoundAsSaved() {
        AuthorizationCode code = saved(TestCodes.plainCode(T0));

        assertThat(await(codes.find(code.digest()))).hasValueSatisfying(found -> {
            assertThat(found).isEqualTo(code);
            assertThat(found.challenge()).isEmpty();
            assertThat(found.redirectUriGiven()).isFalse();
            assertThat(found.scope().isEmpty()).isTrue();
        });
    }

    @Test
    void expiredCodeIsStillFoundUntilSwept() {
        // Long expired by any clock, the test's or the storage server's: finding does not filter by time.
        AuthorizationCode code = saved(TestCodes.code(LONG_AGO));

        assertThat(await(codes.find(code.digest()))).contains(code);
    }

    @Test
    void savingACodeAgainKeepsTheFirstWithItsState() {
        AuthorizationCode code = saved(TestCodes.code(T0));
        assertThat(await(codes.consume(code.digest()))).isEqualTo(Consumption.CONSUMED);

        await(codes.save(code));

        assertThat(await(codes.consume(code.digest()))).isEqualTo(Consumption.ALREADY_USED);
        assertThat(await(codes.find(code.digest()))).contains(code);
    }

    // --- consumption -----------------------------------------------------------------------

    @Test
    void firstConsumeConsumes() {
        AuthorizationCode code = saved(TestCodes.code(T0));

        assertThat(await(codes.consume(code.digest()))).isEqualTo(Consumption.CONSUMED);
    }

    @Test
    void secondConsumeReportsAlreadyUsed() {
        AuthorizationCode code = saved(TestCodes.code(T0));
        await(codes.consume(code.digest()));

        assertThat(await(codes.consume(code.digest()))).isEqualTo(Consumption.ALREADY_USED);
        assertThat(await(codes.consume(code.digest()))).isEqualTo(Consumption.ALREADY_USED);
    }

    @Test
    void consumedCodeIsStillFoundWithEveryField() {
        AuthorizationCode code = saved(TestCodes.code(T0));
        await(codes.consume(code.digest()));

        assertThat(await(codes.find(code.digest()))).contains(code);
    }

    @Test
    void consumingOneCodeLeavesOthersUnconsumed() {
        AuthorizationCode consumed = saved(TestCodes.code(T0));
        AuthorizationCode other = saved(TestCodes.code(T0));

        await(codes.consume(consumed.digest()));

        assertThat(await(codes.consume(other.digest()))).isEqualTo(Consumption.CONSUMED);
    }

    // --- expiry ----------------------------------------------------------------------------

    @Test
    void sweepDeletesExpiredCodesAndKeepsLiveOnes() {
        AuthorizationCode early = saved(TestCodes.code(T0));
        AuthorizationCode late = saved(TestCodes.code(T0.plus(Duration.ofMinutes(10))));

        sweepAll(T0.plus(Duration.ofMinutes(5)));

        assertThat(await(codes.find(early.digest()))).isEmpty();
        assertThat(await(codes.find(late.digest()))).contains(late);
    }

    @Test
    void sweepDeletesExpiredCodesWhetherConsumedOrNot() {
        AuthorizationCode consumed = saved(TestCodes.code(T0));
        AuthorizationCode unused = saved(TestCodes.code(T0));
        await(codes.consume(consumed.digest()));

        sweepAll(T0.plus(Duration.ofMinutes(5)));

        assertThat(await(codes.find(consumed.digest()))).isEmpty();
        assertThat(await(codes.find(unused.digest()))).isEmpty();
    }

    @Test
    void sweptCodeIsNotFoundWhenConsumed() {
        AuthorizationCode code = saved(TestCodes.code(T0));

        sweepAll(T0.plus(Duration.ofMinutes(5)));

        assertThat(await(codes.consume(code.digest()))).isEqualTo(Consumption.NOT_FOUND);
    }

    @Test
    void sweepLeavesCodesThatAreStillLive() {
        AuthorizationCode code = saved(TestCodes.code(T0));

        sweepAll(T0.plusSeconds(30));

        assertThat(await(codes.find(code.digest()))).contains(code);
    }

    @Test
    void sweepReportsHowManyCodesItDeleted() {
        sweepAll(AFTER_EVERYTHING);
        saved(TestCodes.code(T0));
        saved(TestCodes.plainCode(T0));

        assertThat(await(codes.sweepExpired(T0.plus(Duration.ofMinutes(5)), 100))).isEqualTo(2);
        assertThat(await(codes.sweepExpired(T0.plus(Duration.ofMinutes(5)), 100))).isZero();
    }

    @Test
    void sweepDeletesNoMoreThanTheLimit() {
        sweepAll(AFTER_EVERYTHING);
        List<AuthorizationCode> saved = List.of(saved(TestCodes.code(T0)), saved(TestCodes.code(T0)),
                saved(TestCodes.code(T0)));

        int deleted = await(codes.sweepExpired(T0.plus(Duration.ofMinutes(5)), 2));

        long left = saved.stream().filter(c -> await(codes.find(c.digest())).isPresent()).count();
        assertThat(deleted).isEqualTo(2);
        assertThat(left).isEqualTo(1);
    }

    // --- concurrency -----------------------------------------------------------------------

    @Test
    void concurrentConsumesOfOneCodeConsumeExactlyOnce() throws Exception {
        AuthorizationCode code = saved(TestCodes.code(T0));

        List<Consumption> results = Concurrently.run(Concurrently.THREADS, i -> codes.consume(code.digest()));

        assertThat(results).filteredOn(r -> r == Consumption.CONSUMED).hasSize(1);
        assertThat(results).filteredOn(r -> r == Consumption.ALREADY_USED).hasSize(Concurrently.THREADS - 1);
    }

    @Test
    void concurrentConsumesOfDifferentCodesAllConsume() throws Exception {
        List<AuthorizationCode> saved = new ArrayList<>();
        for (int i = 0; i < Concurrently.THREADS; i++) {
            saved.add(saved(TestCodes.code(T0)));
        }

        List<Consumption> results = Concurrently.run(Concurrently.THREADS, i -> codes.consume(saved.get(i).digest()));

        assertThat(results).containsOnly(Consumption.CONSUMED);
    }

    // --- helpers ---------------------------------------------------------------------------

    @Test
    void deletingAllOfAClientDeletesItsCodesConsumedOrNotAndNoOther() {
        ClientId client = TestTokens.newClientId();
        AuthorizationCode fresh = saved(TestCodes.code(client, TestTokens.newOwner(), T0));
        AuthorizationCode consumed = saved(TestCodes.code(client, TestTokens.newOwner(), T0));
        await(codes.consume(consumed.digest()));
        AuthorizationCode other = saved(TestCodes.code(T0));

        await(codes.deleteAllOf(client));

        assertThat(await(codes.find(fresh.digest()))).isEmpty();
        assertThat(await(codes.consume(fresh.digest()))).isEqualTo(Consumption.NOT_FOUND);
        assertThat(await(codes.find(consumed.digest()))).isEmpty();
        assertThat(await(codes.find(other.digest()))).contains(other);
    }

    @Test
    void deletingAllOfAnOwnerDeletesTheirCodesAndNoOther() {
        TokenOwnerRef owner = TestTokens.newOwner();
        AuthorizationCode first = saved(TestCodes.code(TestTokens.newClientId(), owner, T0));
        AuthorizationCode second = saved(TestCodes.code(TestTokens.newClientId(), owner, T0));
        AuthorizationCode other = saved(TestCodes.code(T0));

        await(codes.deleteAllOf(owner.subject()));

        assertThat(await(codes.find(first.digest()))).isEmpty();
        assertThat(await(codes.find(second.digest()))).isEmpty();
        assertThat(await(codes.find(other.digest()))).contains(other);
    }

    private AuthorizationCode saved(AuthorizationCode code) {
        await(codes.save(code));
        return code;
    }

    /** Sweeps until nothing is left to sweep, whatever the store holds from earlier tests. */
    private void sweepAll(Instant now) {
        for (int round = 0; round < 10_000 && await(codes.sweepExpired(now, 1_000)) > 0; round++) {
            // keep sweeping
        }
    }
}

package dev.whosthat.oauth.domain.port;

import static dev.whosthat.oauth.domain.port.Stages.await;
import static dev.whosthat.oauth.domain.port.TestTokens.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.session.LoginSession;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link SessionStore} contract, run against every adapter. The store may be fresh per test or
 * shared: every fixture is unique, and sweeps that count first drain what earlier tests left.
 */
public abstract class SessionStoreContract {

    /** Later than anything any fixture of this suite expires at. */
    private static final Instant AFTER_EVERYTHING = T0.plus(Duration.ofDays(3650));
    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

    private SessionStore sessions;

    /** The store under test; called once before each test. */
    protected abstract SessionStore store();

    @BeforeEach
    void createStore() {
        sessions = store();
    }

    @Test
    void unknownSessionIsNotFound() {
        assertThat(await(sessions.find(TestTokens.unknownDigest()))).isEmpty();
    }

    @Test
    void savedSessionIsFoundByItsDigestWithEveryField() {
        LoginSession session = saved(TestCodes.session(T0));

        assertThat(await(sessions.find(session.digest()))).contains(session);
    }

    @Test
    void expiredSessionIsStillFoundUntilSwept() {
        LoginSession session = saved(TestCodes.session(LONG_AGO));

        assertThat(await(sessions.find(session.digest()))).contains(session);
    }

    @Test
    void savingASessionAgainReplacesIt() {
        LoginSession first = saved(TestCodes.session(T0));
        LoginSession renewed = new LoginSession(first.digest(), first.owner(), T0.plusSeconds(60),
                T0.plus(Duration.ofDays(1)));

        await(sessions.save(renewed));

        assertThat(await(sessions.find(first.digest()))).contains(renewed);
    }

    @Test
    void deletedSessionIsGone() {
        LoginSession session = saved(TestCodes.session(T0));

        await(sessions.delete(session.digest()));

        assertThat(await(sessions.find(session.digest()))).isEmpty();
    }

    @Test
    void deletingAnUnknownSessionIsHarmless() {
        await(sessions.delete(TestTokens.unknownDigest()));
    }

    @Test
    void deletingOneSessionLeavesOthersAlone() {
        LoginSession deleted = saved(TestCodes.session(T0));
        LoginSession other = saved(TestCodes.session(T0));

        await(sessions.delete(deleted.digest()));

        assertThat(await(sessions.find(other.digest()))).contains(other);
    }

    @Test
    void sweepDeletesExpiredSessionsAndKeepsLiveOnes() {
        LoginSession early = saved(TestCodes.session(T0));
        LoginSession late = saved(TestCodes.session(T0.plus(Duration.ofHours(4))));

        sweepAll(T0.plus(Duration.ofHours(9)));

        assertThat(await(sessions.find(early.digest()))).isEmpty();
        assertThat(await(sessions.find(late.digest()))).contains(late);
    }

    @Test
    void sweepReportsHowManySessionsItDeleted() {
        sweepAll(AFTER_EVERYTHING);
        saved(TestCodes.session(T0));
        saved(TestCodes.session(T0));

        assertThat(await(sessions.sweepExpired(T0.plus(Duration.ofHours(9)), 100))).isEqualTo(2);
        assertThat(await(sessions.sweepExpired(T0.plus(Duration.ofHours(9)), 100))).isZero();
    }

    @Test
    void sweepDeletesNoMoreThanTheLimit() {
        sweepAll(AFTER_EVERYTHING);
        List<LoginSession> saved = List.of(saved(TestCodes.session(T0)), saved(TestCodes.session(T0)),
                saved(TestCodes.session(T0)));

        int deleted = await(sessions.sweepExpired(T0.plus(Duration.ofHours(9)), 2));

        long left = saved.stream().filter(s -> await(sessions.find(s.digest())).isPresent()).count();
        assertThat(deleted).isEqualTo(2);
        assertThat(left).isEqualTo(1);
    }

    @Test
    void concurrentSavesOfDifferentSessionsAreAllFound() throws Exception {
        List<LoginSession> all = new ArrayList<>();
        for (int i = 0; i < Concurrently.THREADS; i++) {
            all.add(TestCodes.session(T0));
        }

        Concurrently.run(Concurrently.THREADS, i -> sessions.save(all.get(i)));

        assertThat(all).allSatisfy(s -> assertThat(await(sessions.find(s.digest()))).contains(s));
    }

    @Test
    void concurrentDeletesOfOneSessionAllSucceed() throws Exception {
        LoginSession session = saved(TestCodes.session(T0));

        Concurrently.run(Concurrently.THREADS, i -> sessions.delete(session.digest()));

        assertThat(await(sessions.find(session.digest()))).isEmpty();
    }

    @Test
    void deletingAllOfAnOwnerEndsEverySessionOfThemAndNoOther() {
        TokenOwnerRef owner = TestTokens.newOwner();
        LoginSession first = saved(TestCodes.session(owner, T0));
        LoginSession second = saved(TestCodes.session(owner, T0.plusSeconds(60)));
        LoginSession other = saved(TestCodes.session(T0));

        await(sessions.deleteAllOf(owner.subject()));

        assertThat(await(sessions.find(first.digest()))).isEmpty();
        assertThat(await(sessions.find(second.digest()))).isEmpty();
        assertThat(await(sessions.find(other.digest()))).contains(other);
    }

    @Test
    void deletingAllOfAnOwnerWithoutSessionsIsHarmless() {
        await(sessions.deleteAllOf(TestUsers.newId()));
    }

    private LoginSession saved(LoginSession session) {
        await(sessions.save(session));
        return session;
    }

    /** Sweeps until nothing is left to sweep, whatever the store holds from earlier tests. */
    private void sweepAll(Instant now) {
        for (int round = 0; round < 10_000 && await(sessions.sweepExpired(now, 1_000)) > 0; round++) {
            // keep sweeping
        }
    }
}

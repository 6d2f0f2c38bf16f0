package dev.whosthat.oauth.domain.port;

import static dev.whosthat.oauth.domain.port.Stages.await;
import static dev.whosthat.oauth.domain.port.TestTokens.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.throttle.FailureCount;
import dev.whosthat.oauth.domain.throttle.ThrottleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link FailureCounter} contract, run against every adapter. The counter may be fresh per test
 * or shared: every key is unique, and sweeps that count first drain what earlier tests left.
 */
public abstract class FailureCounterContract {

    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final Instant AFTER_EVERYTHING = T0.plus(Duration.ofDays(3650));

    private FailureCounter counter;

    /** The counter under test; called once before each test. */
    protected abstract FailureCounter counter();

    @BeforeEach
    void createCounter() {
        counter = counter();
    }

    private static ThrottleKey username() {
        return new ThrottleKey(ThrottleKey.Kind.USERNAME, "user-" + UUID.randomUUID());
    }

    @Test
    void aKeyWithNoFailuresHasNone() {
        assertThat(await(counter.current(username(), T0))).isEqualTo(FailureCount.none());
    }

    @Test
    void theFirstFailureOpensAWindowAndLaterOnesCountInIt() {
        ThrottleKey key = username();

        FailureCount first = await(counter.recordFailure(key, T0, WINDOW));
        FailureCount second = await(counter.recordFailure(key, T0.plusSeconds(60), WINDOW));

        assertThat(first).isEqualTo(new FailureCount(1, T0.plus(WINDOW)));
        assertThat(second).isEqualTo(new FailureCount(2, T0.plus(WINDOW)));
        assertThat(await(counter.current(key, T0.plusSeconds(61)))).isEqualTo(second);
    }

    @Test
    void aClosedWindowCountsNothingAndTheNextFailureOpensANewOne() {
        ThrottleKey key = username();
        await(counter.recordFailure(key, T0, WINDOW));
        await(counter.recordFailure(key, T0, WINDOW));
        Instant afterWindow = T0.plus(WINDOW);

        assertThat(await(counter.current(key, afterWindow))).isEqualTo(FailureCount.none());
        assertThat(await(counter.recordFailure(key, afterWindow, WINDOW)))
                .isEqualTo(new FailureCount(1, afterWindow.plus(WINDOW)));
    }

    @Test
    void resetForgetsTheKeyAndNoOther() {
        ThrottleKey key = username();
        ThrottleKey other = username();
        await(counter.recordFailure(key, T0, WINDOW));
        await(counter.recordFailure(other, T0, WINDOW));

        await(counter.reset(key));

        assertThat(await(counter.current(key, T0))).isEqualTo(FailureCount.none());
        assertThat(await(counter.current(other, T0)).failures()).isOne();
    }

    @Test
    void kindsWithTheSameValueAreCountedApart() {
        String value = "203.0.113." + (UUID.randomUUID().hashCode() & 0xff) + "-" + UUID.randomUUID();
        ThrottleKey user = new ThrottleKey(ThrottleKey.Kind.USERNAME, value);
        ThrottleKey address = new ThrottleKey(ThrottleKey.Kind.CLIENT_ADDRESS, value);

        await(counter.recordFailure(user, T0, WINDOW));

        assertThat(await(counter.current(address, T0))).isEqualTo(FailureCount.none());
    }

    @Test
    void concurrentFailuresAreAllCounted() throws Exception {
        ThrottleKey key = username();

        List<FailureCount> counts = Concurrently.run(Concurrently.THREADS, i -> counter.recordFailure(key, T0, WINDOW));

        assertThat(counts).extracting(FailureCount::failures)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, Concurrently.THREADS).boxed().toList());
        assertThat(await(counter.current(key, T0)).failures()).isEqualTo(Concurrently.THREADS);
    }

    @Test
    void sweepDeletesClosedWindowsOnlyAndAtMostTheLimit() {
        drain();
        ThrottleKey closed1 = username();
        ThrottleKey closed2 = username();
        ThrottleKey open = username();
        Instant longAgo = T0.minus(Duration.ofDays(1));
        await(counter.recordFailure(closed1, longAgo, WINDOW));
        await(counter.recordFailure(closed2, longAgo, WINDOW));
        await(counter.recordFailure(open, T0, WINDOW));

        assertThat(await(counter.sweepExpired(T0, 1))).isOne();
        assertThat(await(counter.sweepExpired(T0, 10))).isOne();
        assertThat(await(counter.sweepExpired(T0, 10))).isZero();
        assertThat(await(counter.current(open, T0)).failures()).isOne();
    }

    private void drain() {
        while (await(counter.sweepExpired(AFTER_EVERYTHING, 1000)) > 0) {
            // what earlier tests on a shared counter left
        }
    }
}

package dev.whosthat.oauth.domain.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottlePolicyTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final ThrottlePolicy POLICY =
            new ThrottlePolicy(2, 5, Duration.ofMinutes(15), Duration.ofMillis(500), Duration.ofSeconds(1));

    private static FailureCount count(int failures) {
        return new FailureCount(failures, T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void belowTheLimitNothingIsRefused() {
        assertThat(POLICY.refusal(count(4), T0)).isEmpty();
    }

    @Test
    void atTheLimitTheRestOfTheWindowIsRefused() {
        assertThat(POLICY.refusal(count(5), T0.plusSeconds(60))).contains(Duration.ofMinutes(14));
    }

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        assertThat(POLICY.refusal(count(5), T0.plus(Duration.ofMinutes(15)).minusMillis(1))).contains(Duration.ofSeconds(1));
        assertThat(POLICY.refusal(count(5), T0.plus(Duration.ofMinutes(14)).plusMillis(1))).contains(Duration.ofSeconds(60));
    }

    @Test
    void aClosedWindowRefusesNothing() {
        assertThat(POLICY.refusal(count(50), T0.plus(Duration.ofMinutes(15)))).isEmpty();
    }

    @Test
    void failuresUpToSlowAfterAreAnsweredAtOnceThenEachOneLater() {
        assertThat(POLICY.delayAfter(count(1))).isZero();
        assertThat(POLICY.delayAfter(count(2))).isZero();
        assertThat(POLICY.delayAfter(count(3))).isEqualTo(Duration.ofMillis(500));
        assertThat(POLICY.delayAfter(count(4))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theDelayIsCapped() {
        assertThat(POLICY.delayAfter(count(1000))).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void inconsistentLimitsAreRejected() {
        assertThatThrownBy(() -> new ThrottlePolicy(6, 5, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottlePolicy(0, 0, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottlePolicy(1, 2, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package dev.whosthat.oauth.domain.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How failed attempts for one key are slowed, then refused. Failures are counted in a fixed window
 * that opens at the first failure: up to {@code slowAfter} failures cost nothing extra; each failure
 * after that is answered {@code delayStep} later than the one before (at most {@code maxDelay}); from
 * {@code refuseAfter} failures on, attempts are refused unchecked until the window closes.
 *
 * <p>Only failures are delayed: an attempt that succeeds is answered at once.
 */
public record ThrottlePolicy(int slowAfter, int refuseAfter, Duration window, Duration delayStep, Duration maxDelay) {

    /** Per username: a person mistyping gets three free tries; a guesser gets ten per quarter hour. */
    public static final ThrottlePolicy USERNAME_DEFAULT =
            new ThrottlePolicy(3, 10, Duration.ofMinutes(15), Duration.ofMillis(500), Duration.ofSeconds(5));

    /** Per source address, for client authentication: looser, as many clients may share one address (NAT). */
    public static final ThrottlePolicy CLIENT_ADDRESS_DEFAULT =
            new ThrottlePolicy(10, 50, Duration.ofMinutes(15), Duration.ofMillis(250), Duration.ofSeconds(5));

    public ThrottlePolicy {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(delayStep, "delayStep");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (slowAfter < 0 || refuseAfter < 1 || slowAfter > refuseAfter) {
            throw new IllegalArgumentException("need 0 <= slowAfter <= refuseAfter and refuseAfter >= 1");
        }
        if (window.isNegative() || window.isZero() || delayStep.isNegative() || maxDelay.isNegative()) {
            throw new IllegalArgumentException("window must be positive, delays not negative");
        }
    }

    /** How long to wait before the next attempt may be checked, if it must be refused now. */
    public Optional<Duration> refusal(FailureCount count, Instant now) {
        if (count.failures() < refuseAfter || !now.isBefore(count.windowEnds())) {
            return Optional.empty();
        }
        Duration left = Duration.between(now, count.windowEnds());
        // Retry-After is in whole seconds: round up so that a client obeying it is not refused again.
        long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Optional.of(Duration.ofSeconds(Math.max(1, seconds)));
    }

    /** The pause before answering a failure that brought the count to {@code count}. */
    public Duration delayAfter(FailureCount count) {
        int beyond = count.failures() - slowAfter;
        if (beyond <= 0) {
            return Duration.ZERO;
        }
        Duration delay = delayStep.multipliedBy(beyond);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}

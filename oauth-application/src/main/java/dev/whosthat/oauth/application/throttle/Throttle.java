package dev.whosthat.oauth.application.throttle;

import dev.whosthat.oauth.domain.error.OAuthError;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.FailureCounter;
import dev.whosthat.oauth.domain.throttle.FailureCount;
import dev.whosthat.oauth.domain.throttle.ThrottleKey;
import dev.whosthat.oauth.domain.throttle.ThrottlePolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Slows, then refuses, repeated failures for one key ({@link ThrottlePolicy}). A caller asks
 * {@link #admit} before checking a credential, and {@link #settle}s the outcome after: a failure
 * is counted and its answer delayed; a success may clear the count.
 */
public final class Throttle {

    /** What {@link #admit} found: the count before the attempt, and the refusal if there is one. */
    public record Admission(ThrottleKey key, FailureCount before, Optional<OAuthError> refusal) {

        public Admission {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(refusal, "refusal");
        }
    }

    private final FailureCounter counter;
    private final ThrottlePolicy policy;
    private final Clock clock;

    public Throttle(FailureCounter counter, ThrottlePolicy policy, Clock clock) {
        this.counter = Objects.requireNonNull(counter, "counter");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CompletionStage<Admission> admit(ThrottleKey key) {
        Instant now = clock.instant();
        return counter.current(key, now).thenApply(count -> new Admission(key, count,
                policy.refusal(count, now).map(wait -> OAuthError.retryAfter(OAuthErrorCode.TOO_MANY_ATTEMPTS,
                        "too many failed attempts, try again later", wait))));
    }

    /**
     * Counts a rejected outcome as a failure and hands it back after the policy's delay; hands a
     * success back at once, first forgetting earlier failures when {@code successClears}.
     */
    public <T> CompletionStage<Outcome<T>> settle(Admission admission, Outcome<T> outcome, boolean successClears) {
        if (outcome.isOk()) {
            boolean clear = successClears && admission.before().failures() > 0;
            return clear ? counter.reset(admission.key()).thenApply(cleared -> outcome) : CompletableFuture.completedFuture(outcome);
        }
        return counter.recordFailure(admission.key(), clock.instant(), policy.window())
                .thenCompose(count -> later(policy.delayAfter(count), outcome));
    }

    private static <T> CompletionStage<T> later(Duration delay, T value) {
        if (delay.isZero()) {
            return CompletableFuture.completedFuture(value);
        }
        // A timer, not a sleeping thread: the delay holds no thread while it runs.
        return CompletableFuture.supplyAsync(() -> value, CompletableFuture.delayedExecutor(delay.toMillis(), TimeUnit.MILLISECONDS));
    }
}

package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.throttle.FailureCount;
import dev.whosthat.oauth.domain.throttle.ThrottleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Failed attempts per key, counted in fixed windows: what throttling decides by. Shared by every
 * node that shares the storage, so that spreading guesses over nodes gains nothing.
 */
public interface FailureCounter {

    /** The key's failures in its open window; {@link FailureCount#none()} when its window has closed (or never opened). */
    CompletionStage<FailureCount> current(ThrottleKey key, Instant now);

    /**
     * Counts one more failure, atomically (concurrent calls never lose a count). When the key has no
     * open window at {@code now}, a new one opens, ending at {@code now + window}, with a count of one.
     */
    CompletionStage<FailureCount> recordFailure(ThrottleKey key, Instant now, Duration window);

    /** Forgets the key's failures. */
    CompletionStage<Void> reset(ThrottleKey key);

    /** Deletes up to {@code limit} counters whose window closed before {@code now}; returns how many. */
    CompletionStage<Integer> sweepExpired(Instant now, int limit);
}

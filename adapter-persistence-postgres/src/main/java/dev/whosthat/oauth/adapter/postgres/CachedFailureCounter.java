package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.FailureCounter;
import dev.whosthat.oauth.domain.throttle.FailureCount;
import dev.whosthat.oauth.domain.throttle.ThrottleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Throttling's read on every client authentication and sign-in, served from a {@link LookupCache}.
 * Every failure is still counted in the database, and the count it returns refreshes this node's
 * entry: a guesser who spreads attempts over nodes is refused on each node from its first failure
 * there after the shared count reached the limit.
 */
final class CachedFailureCounter implements FailureCounter {

    private final FailureCounter counter;
    private final LookupCache<ThrottleKey, FailureCount> counts;
    private final Invalidations invalidations;

    CachedFailureCounter(FailureCounter counter, LookupCache<ThrottleKey, FailureCount> counts, Invalidations invalidations) {
        this.counter = counter;
        this.counts = counts;
        this.invalidations = invalidations;
        invalidations.onMessage(this::onInvalidation);
    }

    private void onInvalidation(String message) {
        if (message.equals(Invalidations.EVERYTHING)) {
            counts.invalidateAll();
        } else if (message.startsWith("f:")) {
            // A reset follows a success after failures: rare enough to drop every count rather than parse the key.
            counts.invalidateAll();
        }
    }

    @Override
    public CompletionStage<FailureCount> current(ThrottleKey key, Instant now) {
        return counts.get(key, () -> counter.current(key, now), count -> true)
                .thenApply(count -> now.isBefore(count.windowEnds()) ? count : FailureCount.none());
    }

    @Override
    public CompletionStage<FailureCount> recordFailure(ThrottleKey key, Instant now, Duration window) {
        return counter.recordFailure(key, now, window).thenApply(count -> {
            counts.merge(key, count, CachedFailureCounter::later);
            return count;
        });
    }

    @Override
    public CompletionStage<Void> reset(ThrottleKey key) {
        return counter.reset(key).thenCompose(reset -> invalidations.publish("f:" + key.storageKey()));
    }

    @Override
    public CompletionStage<Integer> sweepExpired(Instant now, int limit) {
        return counter.sweepExpired(now, limit);
    }

    /**
     * Of two counts of one key, the one that knows more: the later window, or in the same window
     * the higher count. Concurrent failures report their counts in any order.
     */
    static FailureCount later(FailureCount cached, FailureCount reported) {
        int byWindow = cached.windowEnds().compareTo(reported.windowEnds());
        if (byWindow != 0) {
            return byWindow > 0 ? cached : reported;
        }
        return cached.failures() >= reported.failures() ? cached : reported;
    }
}

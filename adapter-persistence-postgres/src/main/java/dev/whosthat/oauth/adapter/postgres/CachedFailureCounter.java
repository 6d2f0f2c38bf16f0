package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.FailureCounter;
import dev.whosthat.oauth.domain.throttle.FailureCount;
import dev.whosthat.oauth.domain.throttle.ThrottleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * Throttling's read on every client authentication and sign-in, served from a {@link LookupCache}.
 * Every failure is counted in the database and announced, so every node drops its entry and reads
 * the shared count again: a guesser who spreads attempts over nodes meets that count on each (at
 * worst the ttl late, if a notification is lost). Successes, the hot path, cost no round trip.
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
            ThrottleKey.fromStorageKey(message.substring(2)).ifPresent(counts::invalidate);
        }
    }

    @Override
    public CompletionStage<FailureCount> current(ThrottleKey key, Instant now) {
        return counts.get(key, () -> counter.current(key, now), count -> true)
                .thenApply(count -> now.isBefore(count.windowEnds()) ? count : FailureCount.none());
    }

    @Override
    public CompletionStage<FailureCount> recordFailure(ThrottleKey key, Instant now, Duration window) {
        // Every node (this one too) drops its entry; the next read fetches the shared count. A count
        // kept from here could be overtaken by a concurrent failure's and never corrected.
        return counter.recordFailure(key, now, window)
                .thenCompose(count -> invalidations.publish("f:" + key.storageKey()).thenApply(sent -> count));
    }

    @Override
    public CompletionStage<Void> reset(ThrottleKey key) {
        return counter.reset(key).thenCompose(reset -> invalidations.publish("f:" + key.storageKey()));
    }

    @Override
    public CompletionStage<Integer> sweepExpired(Instant now, int limit) {
        return counter.sweepExpired(now, limit);
    }
}

package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.port.FailureCounter;
import dev.whosthat.oauth.domain.throttle.FailureCount;
import dev.whosthat.oauth.domain.throttle.ThrottleKey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Failure counters in RAM, one node's worth. Counters whose window closed are swept like expired tokens. */
public final class InMemoryFailureCounter implements FailureCounter {

    private final ConcurrentMap<ThrottleKey, FailureCount> counters = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<FailureCount> current(ThrottleKey key, Instant now) {
        FailureCount count = counters.get(key);
        return CompletableFuture.completedFuture(count == null || isClosed(count, now) ? FailureCount.none() : count);
    }

    @Override
    public CompletionStage<FailureCount> recordFailure(ThrottleKey key, Instant now, Duration window) {
        // compute() runs atomically per key: concurrent failures never lose a count.
        FailureCount counted = counters.compute(key, (k, count) -> count == null || isClosed(count, now)
                ? new FailureCount(1, now.plus(window))
                : new FailureCount(count.failures() + 1, count.windowEnds()));
        return CompletableFuture.completedFuture(counted);
    }

    @Override
    public CompletionStage<Void> reset(ThrottleKey key) {
        counters.remove(key);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Integer> sweepExpired(Instant now, int limit) {
        return CompletableFuture.completedFuture(Sweep.expired(counters, count -> isClosed(count, now), limit));
    }

    private static boolean isClosed(FailureCount count, Instant now) {
        return !now.isBefore(count.windowEnds());
    }
}

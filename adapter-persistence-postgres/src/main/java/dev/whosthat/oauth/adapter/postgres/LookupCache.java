package dev.whosthat.oauth.adapter.postgres;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A bounded look-up cache in front of the database: an entry lives at most {@code ttl} after it was
 * read, and any write that could make it wrong invalidates it. That ttl is the bound on how stale a
 * node can be if it misses an invalidation.
 *
 * <p>A read racing with an invalidation never leaves its stale result behind: every invalidation
 * moves a generation counter, and a read that saw it move withdraws what it stored.
 */
final class LookupCache<K, V> {

    private final Cache<K, V> entries;
    private final AtomicLong generation = new AtomicLong();

    LookupCache(Duration ttl, long maxEntries, Ticker ticker) {
        this.entries = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxEntries)
                .ticker(ticker)
                .build();
    }

    /** The cached value, else the loaded one, kept for later if {@code keep} says so. */
    CompletionStage<V> get(K key, Supplier<CompletionStage<V>> load, Predicate<V> keep) {
        V hit = entries.getIfPresent(key);
        if (hit != null) {
            return CompletableFuture.completedFuture(hit);
        }
        long before = generation.get();
        return load.get().thenApply(loaded -> {
            if (keep.test(loaded)) {
                store(key, loaded, before);
            }
            return loaded;
        });
    }

    private void store(K key, V value, long readAt) {
        entries.put(key, value);
        if (generation.get() != readAt) {
            // An invalidation ran while this value was read: it may predate that write.
            entries.invalidate(key);
        }
    }

    void invalidate(K key) {
        generation.incrementAndGet();
        entries.invalidate(key);
    }

    void invalidateIf(Predicate<V> stale) {
        generation.incrementAndGet();
        entries.asMap().values().removeIf(stale);
    }

    void invalidateAll() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }
}

package dev.whosthat.oauth.adapter.memory;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/** Removes expired entries of an immutable-valued map, a bounded number at a time. */
final class Sweep {

    private Sweep() {
    }

    static <K, V> int expired(ConcurrentMap<K, V> map, Predicate<V> expired, int limit) {
        int removed = 0;
        for (Iterator<Map.Entry<K, V>> it = map.entrySet().iterator(); it.hasNext() && removed < limit; ) {
            Map.Entry<K, V> entry = it.next();
            // remove(key, value) only removes the entry we judged, not one replaced meanwhile.
            if (expired.test(entry.getValue()) && map.remove(entry.getKey(), entry.getValue())) {
                removed++;
            }
        }
        return removed;
    }
}

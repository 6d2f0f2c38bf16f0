package dev.whosthat.oauth.adapter.memory;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * Numbers the distinct values of one kind (clients, scopes, owners), so that a token record holds
 * an int where it would hold a reference. Values are few next to tokens (a client's tokens share
 * one client and a handful of scopes), and numbers are never reused: a value stays until restart.
 */
final class Interner<T> {

    private final ConcurrentHashMap<T, Integer> numbers = new ConcurrentHashMap<>();
    /** Indexed by number; 0 is never given, so that 0 can mean "none" in a record. */
    private volatile Object[] values = new Object[16];
    private int next = 1;

    int numberOf(T value) {
        Integer number = numbers.get(value);
        return number != null ? number : add(value);
    }

    /** The number of a value already seen; 0 if it never was (then no record holds it). */
    int existingNumberOf(T value) {
        return numbers.getOrDefault(value, 0);
    }

    @SuppressWarnings("unchecked")
    T valueOf(int number) {
        return (T) values[number];
    }

    /** Every number whose value the predicate accepts. */
    int[] numbersWhere(Predicate<T> predicate) {
        return numbers.entrySet().stream().filter(entry -> predicate.test(entry.getKey()))
                .mapToInt(entry -> entry.getValue()).toArray();
    }

    private synchronized int add(T value) {
        Integer known = numbers.get(value);
        if (known != null) {
            return known;
        }
        if (next == values.length) {
            values = Arrays.copyOf(values, next * 2);
        }
        // The value is in the array before its number is published through the map.
        values[next] = value;
        numbers.put(value, next);
        return next++;
    }

    static boolean contains(int[] numbers, int number) {
        return IntStream.of(numbers).anyMatch(candidate -> candidate == number);
    }
}

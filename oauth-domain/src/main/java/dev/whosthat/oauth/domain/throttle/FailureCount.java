package dev.whosthat.oauth.domain.throttle;

import java.time.Instant;
import java.util.Objects;

/** How many failures a key has in its current window, and when that window closes. */
public record FailureCount(int failures, Instant windowEnds) {

    public FailureCount {
        Objects.requireNonNull(windowEnds, "windowEnds");
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative");
        }
    }

    /** No open window. */
    public static FailureCount none() {
        return new FailureCount(0, Instant.EPOCH);
    }
}

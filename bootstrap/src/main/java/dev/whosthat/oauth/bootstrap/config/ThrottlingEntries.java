package dev.whosthat.oauth.bootstrap.config;

import dev.whosthat.oauth.application.throttle.ThrottleSettings;
import dev.whosthat.oauth.domain.throttle.ThrottlePolicy;
import java.time.Duration;

/**
 * The {@code throttling} section: one policy per username and one per source address, each key
 * optional with the default of {@link ThrottlePolicy#USERNAME_DEFAULT} or
 * {@link ThrottlePolicy#CLIENT_ADDRESS_DEFAULT}.
 *
 * <pre>{@code
 * "throttling": {
 *   "users": {"slow_after": 3, "refuse_after": 10, "window_seconds": 900, "delay_step_millis": 500, "max_delay_millis": 5000},
 *   "client_addresses": {"slow_after": 10, "refuse_after": 50, "window_seconds": 900}
 * }
 * }</pre>
 */
final class ThrottlingEntries {

    private static final long MAX_FAILURES = 1_000_000;
    private static final long MAX_WINDOW_SECONDS = Duration.ofDays(1).toSeconds();
    /** Longer answers than this would hold connections open for the attacker's benefit. */
    private static final long MAX_DELAY_MILLIS = Duration.ofSeconds(30).toMillis();

    private ThrottlingEntries() {
    }

    static ThrottleSettings map(ConfigFile.Throttling throttling) {
        return new ThrottleSettings(
                policy(throttling.users(), "throttling.users", ThrottlePolicy.USERNAME_DEFAULT),
                policy(throttling.clientAddresses(), "throttling.client_addresses", ThrottlePolicy.CLIENT_ADDRESS_DEFAULT));
    }

    private static ThrottlePolicy policy(ConfigFile.ThrottlePolicy entry, String key, ThrottlePolicy defaults) {
        if (entry == null) {
            return defaults;
        }
        int slowAfter = (int) ConfigLoader.fileNumber(entry.slowAfter(), key + ".slow_after", 0, MAX_FAILURES, defaults.slowAfter());
        int refuseAfter = (int) ConfigLoader.fileNumber(entry.refuseAfter(), key + ".refuse_after", 1, MAX_FAILURES,
                defaults.refuseAfter());
        if (slowAfter > refuseAfter) {
            throw new ConfigException(key + ".slow_after (" + slowAfter + ") must not be above refuse_after (" + refuseAfter + ")");
        }
        long window = ConfigLoader.fileNumber(entry.windowSeconds(), key + ".window_seconds", 1, MAX_WINDOW_SECONDS,
                defaults.window().toSeconds());
        long step = ConfigLoader.fileNumber(entry.delayStepMillis(), key + ".delay_step_millis", 0, MAX_DELAY_MILLIS,
                defaults.delayStep().toMillis());
        long max = ConfigLoader.fileNumber(entry.maxDelayMillis(), key + ".max_delay_millis", 0, MAX_DELAY_MILLIS,
                defaults.maxDelay().toMillis());
        return new ThrottlePolicy(slowAfter, refuseAfter, Duration.ofSeconds(window), Duration.ofMillis(step),
                Duration.ofMillis(max));
    }
}

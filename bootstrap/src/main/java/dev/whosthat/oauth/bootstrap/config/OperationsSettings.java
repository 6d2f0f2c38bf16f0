package dev.whosthat.oauth.bootstrap.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How the server presents itself to its operators: metrics exposure, log format, and how long a
 * shutdown waits for requests in flight.
 *
 * @param shutdownGrace how long a shutdown lets requests in flight finish before it closes their connections
 */
public record OperationsSettings(MetricsSettings metrics, LogFormat logFormat, Duration shutdownGrace) {

    public static final Duration DEFAULT_SHUTDOWN_GRACE = Duration.ofSeconds(10);
    public static final Duration MAX_SHUTDOWN_GRACE = Duration.ofHours(1);

    public static final OperationsSettings DEFAULTS =
            new OperationsSettings(MetricsSettings.MAIN_LISTENER, LogFormat.TEXT, DEFAULT_SHUTDOWN_GRACE);

    public OperationsSettings {
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(logFormat, "logFormat");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        if (shutdownGrace.isNegative() || shutdownGrace.compareTo(MAX_SHUTDOWN_GRACE) > 0) {
            throw new IllegalArgumentException("the shutdown grace period must be 0 to " + MAX_SHUTDOWN_GRACE.toSeconds() + " s");
        }
    }

    public OperationsSettings withMetrics(MetricsSettings other) {
        return new OperationsSettings(other, logFormat, shutdownGrace);
    }

    public OperationsSettings withShutdownGrace(Duration other) {
        return new OperationsSettings(metrics, logFormat, other);
    }

    /** How log lines are written to standard output. */
    public enum LogFormat {
        /** One readable line per event, key/value pairs as {@code key="value"}. */
        TEXT("text"),
        /** One JSON object per line, key/value pairs as top-level fields. */
        JSON("json");

        private final String wire;

        LogFormat(String wire) {
            this.wire = wire;
        }

        /** The name in the config file and in {@code OAUTH_LOG_FORMAT}. */
        public String wire() {
            return wire;
        }
    }
}

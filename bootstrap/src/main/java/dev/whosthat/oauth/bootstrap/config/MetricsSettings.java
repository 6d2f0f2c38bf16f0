package dev.whosthat.oauth.bootstrap.config;

import java.util.Objects;

/**
 * Where {@code GET /metrics} (Prometheus text format) is served: nowhere, on the main listener
 * beside the OAuth endpoints, or on a listener of its own (a port that only the scraper can reach).
 *
 * @param host the address of the own listener; ignored otherwise
 * @param port the port of the own listener (0 for any free one, in tests); ignored otherwise
 */
public record MetricsSettings(Exposure exposure, String host, int port) {

    public static final String DEFAULT_HOST = "127.0.0.1";

    public static final MetricsSettings OFF = new MetricsSettings(Exposure.OFF, DEFAULT_HOST, 0);
    public static final MetricsSettings MAIN_LISTENER = new MetricsSettings(Exposure.MAIN_LISTENER, DEFAULT_HOST, 0);

    public enum Exposure { OFF, MAIN_LISTENER, OWN_LISTENER }

    public MetricsSettings {
        Objects.requireNonNull(exposure, "exposure");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("metrics port must be 0 to 65535");
        }
    }

    public static MetricsSettings ownListener(String host, int port) {
        return new MetricsSettings(Exposure.OWN_LISTENER, host, port);
    }

    public boolean enabled() {
        return exposure != Exposure.OFF;
    }
}

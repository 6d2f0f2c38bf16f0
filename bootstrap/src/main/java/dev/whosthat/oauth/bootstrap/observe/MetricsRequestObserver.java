package dev.whosthat.oauth.bootstrap.observe;

import dev.whosthat.oauth.adapter.http.observe.ObservedRequest;
import dev.whosthat.oauth.adapter.http.observe.RequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * {@code oauth_requests_total{endpoint, grant_type, outcome, client_id}} and
 * {@code oauth_request_duration_seconds{endpoint}} (a histogram). Every label value is bounded: the
 * adapter names endpoints and grant types from fixed sets, outcomes are OAuth error codes, and a
 * client id only appears once the client authenticated, so that only registered ids ever do.
 */
final class MetricsRequestObserver implements RequestObserver {

    static final String NONE = "none";
    private static final Duration[] BUCKETS = Stream.of(2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000)
            .map(Duration::ofMillis).toArray(Duration[]::new);

    private final MeterRegistry registry;

    MetricsRequestObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void completed(ObservedRequest request) {
        Counter.builder("oauth.requests")
                .description("Requests answered, by endpoint, grant type, outcome (ok or the OAuth error code) and authenticated client")
                .tag("endpoint", request.endpoint())
                .tag("grant_type", request.grantType().orElse(NONE))
                .tag("outcome", request.outcome())
                .tag("client_id", request.clientId().orElse(NONE))
                .register(registry)
                .increment();
        Timer.builder("oauth.request.duration")
                .description("Time from the first handler to the end of the response, by endpoint")
                .tag("endpoint", request.endpoint())
                // A dozen fixed buckets rather than Micrometer's seventy: Argon2id takes tens of
                // milliseconds, a lookup one or two, and a request beyond ten seconds is a hang.
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(request.duration());
    }
}

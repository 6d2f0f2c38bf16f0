package dev.whosthat.oauth.bootstrap.observe;

import dev.whosthat.oauth.adapter.http.observe.ObservedRequest;
import dev.whosthat.oauth.adapter.http.observe.RequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** The label values of one series: what a request is counted by. */
    private record Labels(String endpoint, String grantType, String outcome, String clientId) {
    }

    private final MeterRegistry registry;
    /**
     * Meters found once per series, not built and looked up per request: the label sets are
     * bounded, and the registry's own look-up allocates on every call.
     */
    private final Map<Labels, Counter> requests = new ConcurrentHashMap<>();
    private final Map<String, Timer> durations = new ConcurrentHashMap<>();

    private final AtomicInteger inFlight = new AtomicInteger();

    MetricsRequestObserver(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("oauth.requests.in.flight", inFlight, AtomicInteger::get)
                .description("Requests received and not yet answered (a scrape counts itself)")
                .register(registry);
    }

    @Override
    public void started() {
        inFlight.incrementAndGet();
    }

    @Override
    public void completed(ObservedRequest request) {
        inFlight.decrementAndGet();
        Labels labels = new Labels(request.endpoint(), request.grantType().orElse(NONE), request.outcome(),
                request.clientId().orElse(NONE));
        requests.computeIfAbsent(labels, this::requestCounter).increment();
        durations.computeIfAbsent(request.endpoint(), this::durationTimer).record(request.duration());
    }

    private Counter requestCounter(Labels labels) {
        return Counter.builder("oauth.requests")
                .description("Requests answered, by endpoint, grant type, outcome (ok or the OAuth error code) and authenticated client")
                .tag("endpoint", labels.endpoint())
                .tag("grant_type", labels.grantType())
                .tag("outcome", labels.outcome())
                .tag("client_id", labels.clientId())
                .register(registry);
    }

    private Timer durationTimer(String endpoint) {
        return Timer.builder("oauth.request.duration")
                .description("Time from the first handler to the end of the response, by endpoint")
                .tag("endpoint", endpoint)
                // A dozen fixed buckets rather than Micrometer's seventy: Argon2id takes tens of
                // milliseconds, a lookup one or two, and a request beyond ten seconds is a hang.
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }
}

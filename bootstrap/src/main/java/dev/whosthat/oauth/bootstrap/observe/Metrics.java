package dev.whosthat.oauth.bootstrap.observe;

import dev.whosthat.oauth.adapter.http.observe.RequestObserver;
import dev.whosthat.oauth.domain.port.AuditTrail;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.MetricsDomain;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;

/**
 * One Prometheus registry per server: Vert.x's own metrics (HTTP server, and the PostgreSQL pool as
 * {@code vertx_pool_*{pool_type="sql", pool_name="whosthat"}}), the per-request series from the
 * HTTP adapter's observation hook, and the security-event counters from the audit trail.
 */
public final class Metrics {

    public static final String PATH = "/metrics";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    /**
     * A Vert.x instance that reports into this registry, with the JVM's own series (memory, GC,
     * threads) and the PostgreSQL pool's. The event bus, verticles and datagram sockets are not used
     * by the server, so their series would only be noise. Vert.x's HTTP and TCP server series are off
     * too: {@code oauth_requests_total} and {@code oauth_request_duration_seconds} say more, and
     * Vert.x builds and looks up its meters on every request, which cost a third of the event loop's
     * time in the token benchmark.
     */
    public Vertx vertx() {
        MicrometerMetricsOptions options = new MicrometerMetricsOptions()
                .setEnabled(true)
                .setJvmMetricsEnabled(true)
                // The domain's own method: the set takes category names ("vertx.http.server"), not enum names.
                .addDisabledMetricsCategory(MetricsDomain.EVENT_BUS)
                .addDisabledMetricsCategory(MetricsDomain.VERTICLES)
                .addDisabledMetricsCategory(MetricsDomain.DATAGRAM_SOCKET)
                .addDisabledMetricsCategory(MetricsDomain.HTTP_SERVER)
                .addDisabledMetricsCategory(MetricsDomain.NET_SERVER);
        return Vertx.builder()
                .with(new VertxOptions().setMetricsOptions(options))
                .withMetrics(new MicrometerMetricsFactory(registry))
                .build();
    }

    public RequestObserver requests() {
        return new MetricsRequestObserver(registry);
    }

    public AuditTrail securityEvents() {
        return new MetricsAuditTrail(registry);
    }

    /** {@code GET /metrics}: the Prometheus text format. */
    public Handler<RoutingContext> scrape() {
        return PrometheusScrapingHandler.create(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }
}

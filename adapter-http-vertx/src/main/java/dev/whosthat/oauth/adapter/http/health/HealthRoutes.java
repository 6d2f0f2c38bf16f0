package dev.whosthat.oauth.adapter.http.health;

import dev.whosthat.oauth.adapter.http.observe.RequestFacts;
import dev.whosthat.oauth.adapter.http.support.Json;
import dev.whosthat.oauth.adapter.http.support.MethodNotAllowed;
import dev.whosthat.oauth.adapter.http.support.Responses;
import dev.whosthat.oauth.domain.port.StorageHealth;
import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Probes for an orchestrator or load balancer. {@code GET /health/live} answers 200 as long as the
 * event loop does. {@code GET /health/ready} answers 200 when this node can serve: it is not
 * shutting down and its storage answered within a bounded time; otherwise 503 with a JSON reason.
 * Neither says more than that: the reason names no host, user or error text.
 */
public final class HealthRoutes {

    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";

    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final StorageHealth storage;
    private final BooleanSupplier serving;
    private final Duration timeout;
    /** Only changes of state are logged: a probe every few seconds during an outage would flood the log. */
    private final AtomicBoolean lastReady = new AtomicBoolean(true);

    private HealthRoutes(StorageHealth storage, BooleanSupplier serving, Duration timeout) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.serving = Objects.requireNonNull(serving, "serving");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @param serving false once the node is shutting down
     * @param timeout how long readiness waits for the storage before it answers 503
     */
    public static void mount(Router router, StorageHealth storage, BooleanSupplier serving, Duration timeout) {
        HealthRoutes health = new HealthRoutes(storage, serving, timeout);
        router.route("/health/*").handler(ctx -> {
            RequestFacts.of(ctx).endpoint("health");
            ctx.next();
        });
        router.get(LIVE).handler(health::live);
        router.route(LIVE).handler(new MethodNotAllowed("GET"));
        router.get(READY).handler(health::ready);
        router.route(READY).handler(new MethodNotAllowed("GET"));
    }

    private void live(RoutingContext ctx) {
        Responses.json(ctx, 200, Json.write(Map.of("status", "up")));
    }

    private void ready(RoutingContext ctx) {
        if (!serving.getAsBoolean()) {
            unavailable(ctx, "shutting_down", "the server is shutting down");
            return;
        }
        CompletionStage<Void> check;
        try {
            check = storage.check();
        } catch (RuntimeException bug) {
            check = Future.<Void>failedFuture(bug).toCompletionStage();
        }
        Future.fromCompletionStage(check, ctx.vertx().getOrCreateContext())
                .timeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .onComplete(result -> {
                    if (result.succeeded()) {
                        if (!lastReady.getAndSet(true)) {
                            LOG.info("storage answers again: ready");
                        }
                        Responses.json(ctx, 200, Json.write(Map.of("status", "ready")));
                    } else if (result.cause() instanceof TimeoutException) {
                        notReady(ctx, "storage_timeout", "the storage did not answer within " + timeout.toMillis() + " ms",
                                result.cause());
                    } else {
                        notReady(ctx, "storage_unavailable", "the storage cannot be reached", result.cause());
                    }
                });
    }

    private void notReady(RoutingContext ctx, String reason, String description, Throwable cause) {
        if (lastReady.getAndSet(false)) {
            LOG.warn("not ready: {} ({})", description, cause.toString());
        }
        unavailable(ctx, reason, description);
    }

    private static void unavailable(RoutingContext ctx, String reason, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", "unavailable");
        body.put("reason", reason);
        body.put("description", description);
        Responses.json(ctx, 503, Json.write(body));
    }
}

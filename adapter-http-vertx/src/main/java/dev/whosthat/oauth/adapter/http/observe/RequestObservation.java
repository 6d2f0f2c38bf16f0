package dev.whosthat.oauth.adapter.http.observe;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first handler of every request: starts its {@link RequestFacts} and reports them to the
 * {@link RequestObserver} once, when the response has ended or the connection was lost.
 */
public final class RequestObservation implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(RequestObservation.class);
    /** Longer paths are cut: a request line may be kilobytes long, a log line should not be. */
    static final int MAX_PATH = 256;

    private final RequestObserver observer;
    private final Map<String, String> endpoints;

    /**
     * @param endpoints route name by exact path; any other path is {@code other} unless a handler
     *     names it with {@link RequestFacts#endpoint}
     */
    public RequestObservation(RequestObserver observer, Map<String, String> endpoints) {
        this.observer = Objects.requireNonNull(observer, "observer");
        // A hash map, not Map.copyOf: every request looks its path up, and the immutable map finds a
        // slot by a division (the same look-up cost that the log encoders' key sets had).
        // (Map.copyOf first for its checks: no null name, no null path.)
        this.endpoints = new HashMap<>(Map.copyOf(endpoints));
    }

    @Override
    public void handle(RoutingContext ctx) {
        long started = System.nanoTime();
        // The path alone: an authorization request's query may carry a state or code challenge.
        String path = truncated(ctx.request().path());
        RequestFacts facts = RequestFacts.start(ctx, endpoints.getOrDefault(path, RequestFacts.OTHER));
        try {
            observer.started();
        } catch (RuntimeException bug) {
            LOG.warn("request observer failed: {}", bug.toString());
        }
        ctx.addEndHandler(ended -> {
            int status = ctx.response().ended() ? ctx.response().getStatusCode() : 0;
            ObservedRequest observed = new ObservedRequest(ctx.request().method().name(), path, facts.endpoint(),
                    facts.grantType(), facts.outcome(status), facts.clientId(), status,
                    Duration.ofNanos(System.nanoTime() - started));
            try {
                observer.completed(observed);
            } catch (RuntimeException bug) {
                // An observer that fails loses its record, never the server's next request.
                LOG.warn("request observer failed: {}", bug.toString());
            }
        });
        ctx.next();
    }

    private static String truncated(String path) {
        if (path == null) {
            return "";
        }
        return path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "...";
    }
}

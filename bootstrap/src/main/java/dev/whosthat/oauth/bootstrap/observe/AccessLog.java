package dev.whosthat.oauth.bootstrap.observe;

import dev.whosthat.oauth.adapter.http.observe.ObservedRequest;
import dev.whosthat.oauth.adapter.http.observe.RequestObserver;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One line per request on the logger {@code dev.whosthat.oauth.access}, so that operators can route
 * or silence it on its own. It carries the method, the path without its query, the status, the
 * duration and the authenticated client: never a header, a form field or a query parameter, which
 * is where secrets and tokens travel.
 */
public final class AccessLog implements RequestObserver {

    public static final String LOGGER = "dev.whosthat.oauth.access";

    /** The pairs that the message states; text lines leave them out, JSON lines carry them as fields. */
    static final Set<String> STATED_IN_MESSAGE = Set.of("method", "path", "status", "duration_ms");

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    /** Probes and scrapes come every few seconds and say nothing new: they are logged at DEBUG. */
    private static final Set<String> QUIET_ENDPOINTS = Set.of("health", "metrics");

    @Override
    public void completed(ObservedRequest request) {
        Level level = QUIET_ENDPOINTS.contains(request.endpoint()) ? Level.DEBUG : Level.INFO;
        if (!LOG.isEnabledForLevel(level)) {
            return;
        }
        long millis = request.duration().toMillis();
        LOG.atLevel(level)
                .addKeyValue("method", request.method())
                .addKeyValue("path", request.path())
                .addKeyValue("status", request.status())
                .addKeyValue("duration_ms", millis)
                .addKeyValue("endpoint", request.endpoint())
                .addKeyValue("outcome", request.outcome())
                .addKeyValue("client_id", request.clientId().orElse(MetricsRequestObserver.NONE))
                // Concatenated, not a "{}" pattern: no argument means no formatting pass over the message,
                // and braces in a path are printed as they are.
                .log(request.method() + " " + request.path() + " " + request.status() + " " + millis + " ms");
    }
}

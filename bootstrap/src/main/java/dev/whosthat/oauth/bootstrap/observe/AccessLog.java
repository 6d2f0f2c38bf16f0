package dev.whosthat.oauth.bootstrap.observe;

import dev.whosthat.oauth.adapter.http.observe.ObservedRequest;
import dev.whosthat.oauth.adapter.http.observe.RequestObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the logger {@code dev.whosthat.oauth.access}, so that operators can route
 * or silence it on its own. It carries the method, the path without its query, the status, the
 * duration and the authenticated client: never a header, a form field or a query parameter, which
 * is where secrets and tokens travel.
 */
public final class AccessLog implements RequestObserver {

    public static final String LOGGER = "dev.whosthat.oauth.access";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void completed(ObservedRequest request) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        long millis = request.duration().toMillis();
        LOG.atInfo()
                .addKeyValue("method", request.method())
                .addKeyValue("path", request.path())
                .addKeyValue("status", request.status())
                .addKeyValue("duration_ms", millis)
                .addKeyValue("endpoint", request.endpoint())
                .addKeyValue("outcome", request.outcome())
                .addKeyValue("client_id", request.clientId().orElse(MetricsRequestObserver.NONE))
                .log("{} {} {} {} ms", request.method(), request.path(), request.status(), millis);
    }
}

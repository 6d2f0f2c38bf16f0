package dev.whosthat.oauth.adapter.http.support;

import dev.whosthat.oauth.domain.error.OAuthError;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.port.StorageUnavailableException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stop of every failed request. Infrastructure faults and bugs become
 * {@code server_error} with an incident id that the log carries too, and nothing else: no stack
 * trace or exception text reaches the client. Failures raised with a status by Vert.x or our body
 * reader (400, 404, 405, 413, ...) become the matching OAuth error. A storage that cannot be
 * reached right now ({@link StorageUnavailableException}) is 503 {@code temporarily_unavailable}
 * with {@code Retry-After}.
 */
public final class FailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** How long the rest of a refused body is read and dropped before its connection is closed. */
    private static final long LINGER_SECONDS = 2;
    /** What a 503 asks the client to wait before trying again. */
    private static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        int status = ctx.statusCode();
        if (ctx.failure() == null || (status >= 400 && status < 500)) {
            answerClientError(ctx, status < 400 ? 500 : status);
            return;
        }
        Optional<StorageUnavailableException> storage = causeOf(ctx.failure(), StorageUnavailableException.class);
        if (storage.isPresent()) {
            answerUnavailable(ctx, "storage unavailable: " + storage.get().getMessage());
            return;
        }
        if (causeOf(ctx.failure(), RejectedExecutionException.class).isPresent()) {
            // A bounded worker pool (password hashing) refused the work: shed load, do not queue it.
            answerUnavailable(ctx, "a worker pool is saturated");
            return;
        }
        String incident = incidentId();
        LOG.error("incident {}: {} {} failed", incident, ctx.request().method(), ctx.request().path(), ctx.failure());
        Responses.error(ctx, 500, OAuthError.of(OAuthErrorCode.SERVER_ERROR, "unexpected server fault, incident " + incident));
    }

    /**
     * The storage cannot be reached right now: not a bug, so no incident and no stack trace, but a
     * 503 that tells the client to try again (RFC 6749 §4.1.2.1 temporarily_unavailable,
     * RFC 9110 §10.2.3 Retry-After).
     */
    private static void answerUnavailable(RoutingContext ctx, String why) {
        LOG.warn("{} {} answered 503: {}", ctx.request().method(), ctx.request().path(), why);
        ctx.response().putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        Responses.error(ctx, 503, OAuthError.of(OAuthErrorCode.TEMPORARILY_UNAVAILABLE,
                "the service is temporarily unavailable, try again later"));
    }

    private static <T extends Throwable> Optional<T> causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static void answerClientError(RoutingContext ctx, int status) {
        switch (status) {
            case 404 -> Responses.error(ctx, 404, OAuthError.of(OAuthErrorCode.INVALID_REQUEST, "no such endpoint"));
            case 405 -> Responses.error(ctx, 405, OAuthError.of(OAuthErrorCode.INVALID_REQUEST, "method not allowed on this endpoint"));
            case 413 -> {
                // The rest of an over-long body is not worth reading: close once answered, as the header
                // promises (RFC 9112 §9.6); Vert.x does not act on a response's Connection header itself.
                // A shutdown begun before the answer closes once the rest of the body has been dropped or
                // the grace period ends; closing at once could reset the connection before the client reads
                // the answer. HTTP/2 has no Connection header (RFC 9113 §8.2.2), and closing its connection
                // would end every other stream on it.
                if (ctx.request().version() != HttpVersion.HTTP_2) {
                    ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
                    ctx.request().connection().shutdown(LINGER_SECONDS, TimeUnit.SECONDS);
                }
                Responses.error(ctx, 413, OAuthError.of(OAuthErrorCode.INVALID_REQUEST, "request body is too large"));
            }
            case 500 -> {
                String incident = incidentId();
                LOG.error("incident {}: {} {} failed without a cause", incident, ctx.request().method(), ctx.request().path());
                Responses.error(ctx, 500, OAuthError.of(OAuthErrorCode.SERVER_ERROR, "unexpected server fault, incident " + incident));
            }
            default -> Responses.error(ctx, status >= 400 && status < 500 ? status : 400,
                    OAuthError.of(OAuthErrorCode.INVALID_REQUEST, "malformed request"));
        }
    }

    private static String incidentId() {
        byte[] id = new byte[6];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }
}

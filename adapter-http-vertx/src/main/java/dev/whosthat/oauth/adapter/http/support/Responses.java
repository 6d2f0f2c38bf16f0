package dev.whosthat.oauth.adapter.http.support;

import dev.whosthat.oauth.adapter.http.observe.RequestFacts;
import dev.whosthat.oauth.domain.error.OAuthError;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes OAuth responses. The HTTP status of every protocol error is decided here, in one switch
 * (RFC 6749 §5.2, RFC 6750 §3.1, RFC 7009 §2.2.1).
 */
public final class Responses {

    public static final String JSON = "application/json;charset=UTF-8";

    // The headers of every API answer, encoded once: Vert.x hashes and writes these as bytes as they are.
    public static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");
    private static final CharSequence JSON_TYPE = HttpHeaders.createOptimized(JSON);
    private static final CharSequence PRAGMA = HttpHeaders.createOptimized("Pragma");
    private static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");

    private Responses() {
    }

    public static int status(OAuthError error) {
        return switch (error.code()) {
            case INVALID_CLIENT, INVALID_TOKEN -> 401;
            case INSUFFICIENT_SCOPE -> 403;
            case SERVER_ERROR -> 500;
            case TEMPORARILY_UNAVAILABLE -> 503;
            case TOO_MANY_ATTEMPTS -> 429;
            case INVALID_REQUEST, INVALID_GRANT, UNAUTHORIZED_CLIENT, UNSUPPORTED_GRANT_TYPE, INVALID_SCOPE,
                    ACCESS_DENIED, UNSUPPORTED_RESPONSE_TYPE, UNSUPPORTED_TOKEN_TYPE, INVALID_REDIRECT_URI,
                    INVALID_CLIENT_METADATA -> 400;
        };
    }

    /** RFC 6749 §5.1: token responses, errors included, must not be cached. */
    public static HttpServerResponse noStore(HttpServerResponse response) {
        return response
                .putHeader(HttpHeaders.CACHE_CONTROL, NO_STORE)
                .putHeader(PRAGMA, NO_CACHE);
    }

    public static void json(RoutingContext ctx, int status, Buffer body) {
        if (ctx.response().ended()) {
            return;
        }
        noStore(ctx.response())
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, JSON_TYPE)
                .end(body);
    }

    /** An error as a JSON body with the status the switch assigns (RFC 6749 §5.2). */
    public static void error(RoutingContext ctx, OAuthError error) {
        error(ctx, status(error), error);
    }

    public static void error(RoutingContext ctx, int status, OAuthError error) {
        RequestFacts.of(ctx).error(error.code());
        retryAfter(ctx.response(), error);
        json(ctx, status, Json.write(body(error)));
    }

    /** RFC 9110 §10.2.3: {@code Retry-After} in delay-seconds (rounded up by the policy that set it), when the error has one. */
    public static HttpServerResponse retryAfter(HttpServerResponse response, OAuthError error) {
        error.retryAfter().ifPresent(delay -> response.putHeader("Retry-After", Long.toString(delay.toSeconds())));
        return response;
    }

    /**
     * {@code invalid_client} is 401 with a Basic challenge: required after a Basic attempt (RFC 6749
     * §5.2), and on any 401 by HTTP itself (RFC 9110 §15.5.2).
     */
    public static void clientError(RoutingContext ctx, OAuthError error, String realm) {
        if (status(error) == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
        }
        error(ctx, error);
    }

    public static Map<String, String> body(OAuthError error) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error.code().wire());
        body.put("error_description", error.description());
        return body;
    }
}

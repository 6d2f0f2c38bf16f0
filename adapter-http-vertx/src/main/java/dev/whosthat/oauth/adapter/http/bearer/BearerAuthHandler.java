package dev.whosthat.oauth.adapter.http.bearer;

import dev.whosthat.oauth.adapter.http.support.Form;
import dev.whosthat.oauth.adapter.http.support.FormBodyHandler;
import dev.whosthat.oauth.adapter.http.support.Json;
import dev.whosthat.oauth.adapter.http.support.Responses;
import dev.whosthat.oauth.adapter.http.support.Stages;
import dev.whosthat.oauth.application.bearer.ValidateBearerToken;
import dev.whosthat.oauth.domain.error.OAuthError;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.AccessToken;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Protects any route with a bearer token (RFC 6750). Accepts the token in the
 * {@code Authorization: Bearer} header (§2.1) or in a form body (§2.2, with {@link FormBodyHandler}
 * mounted before it); refuses the query string form (§2.3, RFC 9700 §4.3.2). On success the
 * token is in the routing context for the next handler ({@link #token(RoutingContext)}).
 *
 * <pre>{@code
 * router.get("/api/orders").handler(BearerAuthHandler.requiring(validateBearer, realm, Scope.of("orders:read")))
 *                           .handler(ctx -> ... BearerAuthHandler.token(ctx) ...);
 * }</pre>
 */
public final class BearerAuthHandler implements Handler<RoutingContext> {

    private static final String TOKEN_KEY = "whosthat.bearer";

    private final ValidateBearerToken validate;
    private final String realm;
    private final Scope required;

    private BearerAuthHandler(ValidateBearerToken validate, String realm, Scope required) {
        this.validate = Objects.requireNonNull(validate, "validate");
        this.realm = Objects.requireNonNull(realm, "realm");
        this.required = Objects.requireNonNull(required, "required");
    }

    public static BearerAuthHandler requiring(ValidateBearerToken validate, String realm, Scope required) {
        return new BearerAuthHandler(validate, realm, required);
    }

    /** The validated access token of this request; only after this handler let it through. */
    public static AccessToken token(RoutingContext ctx) {
        AccessToken token = ctx.get(TOKEN_KEY);
        if (token == null) {
            throw new IllegalStateException("route is not protected by BearerAuthHandler");
        }
        return token;
    }

    @Override
    public void handle(RoutingContext ctx) {
        // Parsed strictly here: Vert.x's own query parser throws on a malformed escape, and its message
        // would carry the whole URI, token included, into the failure log.
        String query = ctx.request().query();
        Optional<Map<String, List<String>>> parameters = Form.parseAll(query == null ? "" : query);
        if (parameters.isEmpty()) {
            refuse(ctx, new OAuthError(OAuthErrorCode.INVALID_REQUEST, "the query string is malformed"));
            return;
        }
        if (parameters.get().containsKey("access_token")) {
            refuse(ctx, new OAuthError(OAuthErrorCode.INVALID_REQUEST, "access tokens are not accepted in the query string"));
            return;
        }
        Optional<String> header = fromHeader(ctx);
        Optional<String> body = fromBody(ctx);
        if (header.isPresent() && body.isPresent()) {
            refuse(ctx, new OAuthError(OAuthErrorCode.INVALID_REQUEST, "more than one method was used to send the token"));
            return;
        }
        Optional<String> presented = header.or(() -> body);
        if (presented.isEmpty()) {
            // §3.1: a request without any authentication gets a challenge without an error code.
            challenge(ctx);
            return;
        }
        Stages.onEventLoop(ctx, validate.handle(presented.get(), required), outcome -> {
            if (outcome instanceof Outcome.Rejected<AccessToken> rejected) {
                refuse(ctx, rejected.error());
            } else {
                ctx.put(TOKEN_KEY, outcome.orElseThrow());
                ctx.next();
            }
        });
    }

    private static Optional<String> fromHeader(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(7).trim());
    }

    /** §2.2: only in a form-encoded body of a method whose body has semantics, never GET. */
    private static Optional<String> fromBody(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.GET || !FormBodyHandler.isFormContentType(ctx.request())) {
            return Optional.empty();
        }
        return FormBodyHandler.form(ctx) instanceof Outcome.Ok<Form> ok ? ok.value().get("access_token") : Optional.empty();
    }

    private void challenge(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"" + realm + "\"");
        Responses.json(ctx, 401, Json.write(Map.of("error_description", "a bearer token is required")));
    }

    /** §3: the error goes into the challenge; the body repeats it for humans. */
    private void refuse(RoutingContext ctx, OAuthError error) {
        StringBuilder header = new StringBuilder("Bearer realm=\"").append(realm)
                .append("\", error=\"").append(error.code().wire())
                .append("\", error_description=\"").append(error.description()).append('"');
        if (error.code() == OAuthErrorCode.INSUFFICIENT_SCOPE) {
            header.append(", scope=\"").append(required.wire()).append('"');
        }
        ctx.response().putHeader("WWW-Authenticate", header.toString());
        Responses.error(ctx, error);
    }
}

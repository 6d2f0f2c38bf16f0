package dev.whosthat.oauth.adapter.http;

import dev.whosthat.oauth.adapter.http.authorize.AuthorizationRoutes;
import dev.whosthat.oauth.adapter.http.introspect.IntrospectionEndpoint;
import dev.whosthat.oauth.adapter.http.metadata.MetadataEndpoint;
import dev.whosthat.oauth.adapter.http.observe.RequestObservation;
import dev.whosthat.oauth.adapter.http.observe.RequestObserver;
import dev.whosthat.oauth.adapter.http.revoke.RevocationEndpoint;
import dev.whosthat.oauth.adapter.http.support.FailureHandler;
import dev.whosthat.oauth.adapter.http.support.FormBodyHandler;
import dev.whosthat.oauth.adapter.http.support.MethodNotAllowed;
import dev.whosthat.oauth.adapter.http.support.Responses;
import dev.whosthat.oauth.adapter.http.token.TokenEndpoint;
import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.code.PkceChallenge;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;

/**
 * The OAuth endpoints on a Vert.x router. A host mounts them with {@link #router} and adds its own
 * routes (protected ones with {@link dev.whosthat.oauth.adapter.http.bearer.BearerAuthHandler}).
 */
public final class OAuthRoutes {

    public static final String TOKEN = "/oauth2/token";
    public static final String INTROSPECT = "/oauth2/introspect";
    public static final String REVOKE = "/oauth2/revoke";
    public static final String METADATA = "/.well-known/oauth-authorization-server";

    private static final CharSequence CONTENT_TYPE_OPTIONS = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final List<String> GRANT_TYPES = List.of(GrantType.AUTHORIZATION_CODE.wire(),
            GrantType.CLIENT_CREDENTIALS.wire(), GrantType.PASSWORD.wire(), GrantType.REFRESH_TOKEN.wire());
    private static final List<String> AUTH_METHODS = List.of(
            ClientAuthMethod.CLIENT_SECRET_BASIC.wire(), ClientAuthMethod.CLIENT_SECRET_POST.wire(), ClientAuthMethod.NONE.wire());
    private static final List<String> CONFIDENTIAL_AUTH_METHODS = List.of(
            ClientAuthMethod.CLIENT_SECRET_BASIC.wire(), ClientAuthMethod.CLIENT_SECRET_POST.wire());

    private OAuthRoutes() {
    }

    public static Router router(Vertx vertx, OAuthUseCases useCases, OAuthHttpSettings settings) {
        return router(vertx, useCases, settings, RequestObserver.NONE);
    }

    /** The endpoints, with every request reported to {@code observer} once it has been answered. */
    public static Router router(Vertx vertx, OAuthUseCases useCases, OAuthHttpSettings settings, RequestObserver observer) {
        Router router = Router.router(vertx);
        String base = settings.basePath();
        router.route().handler(new RequestObservation(observer, endpointNames(base)));
        router.route().handler(OAuthRoutes::securityHeaders);
        String realm = settings.realm();
        FormBodyHandler forms = new FormBodyHandler(settings.bodyLimitBytes());

        post(router, base + TOKEN, forms, new TokenEndpoint(useCases.requestToken(), realm));
        post(router, base + INTROSPECT, forms, new IntrospectionEndpoint(useCases.introspectToken(), settings.issuer(), realm));
        post(router, base + REVOKE, forms, new RevocationEndpoint(useCases.revokeToken(), realm));

        AuthorizationRoutes.mount(router, useCases, settings.issuer(), base, settings.lifetimes(), forms);

        // RFC 8414 §3.1: the well-known segment goes between the host and the issuer's path.
        router.get(METADATA + base).handler(new MetadataEndpoint(metadata(settings)));
        router.route(METADATA + base).handler(new MethodNotAllowed("GET"));

        router.route().last().handler(ctx -> ctx.fail(404));
        router.route().failureHandler(new FailureHandler());
        return router;
    }

    /** The route names that requests are counted and logged by: a fixed, small set. */
    private static Map<String, String> endpointNames(String base) {
        return Map.of(
                base + TOKEN, "token",
                base + INTROSPECT, "introspect",
                base + REVOKE, "revoke",
                base + AuthorizationRoutes.AUTHORIZE, "authorize",
                base + AuthorizationRoutes.LOGIN, "login",
                base + AuthorizationRoutes.CONSENT, "consent",
                METADATA + base, "metadata");
    }

    private static void post(Router router, String path, FormBodyHandler forms, Handler<RoutingContext> endpoint) {
        router.post(path).handler(forms).handler(endpoint);
        router.route(path).handler(new MethodNotAllowed("POST"));
    }

    private static void securityHeaders(RoutingContext ctx) {
        ctx.response()
                .putHeader(CONTENT_TYPE_OPTIONS, NOSNIFF)
                .putHeader(HttpHeaders.CACHE_CONTROL, Responses.NO_STORE);
        ctx.next();
    }

    static MetadataEndpoint.Metadata metadata(OAuthHttpSettings settings) {
        String issuer = settings.issuer();
        return new MetadataEndpoint.Metadata(
                issuer,
                issuer + AuthorizationRoutes.AUTHORIZE,
                issuer + TOKEN,
                issuer + INTROSPECT,
                issuer + REVOKE,
                GRANT_TYPES,
                // Only the code flow: the implicit grant is not served (RFC 9700 §2.1.2).
                List.of("code"),
                settings.scopesSupported(),
                AUTH_METHODS,
                CONFIDENTIAL_AUTH_METHODS,
                AUTH_METHODS,
                // The plain method is refused (RFC 9700 §2.1.1).
                List.of(PkceChallenge.S256),
                true);
    }
}

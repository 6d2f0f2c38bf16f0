package dev.whosthat.oauth.adapter.http.authorize;

import dev.whosthat.oauth.adapter.http.support.FormBodyHandler;
import dev.whosthat.oauth.adapter.http.support.MethodNotAllowed;
import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import io.vertx.ext.web.Router;
import java.net.URI;

/** Mounts the authorization endpoint and the sign-in and consent form targets. */
public final class AuthorizationRoutes {

    public static final String AUTHORIZE = "/oauth2/authorize";
    public static final String LOGIN = "/oauth2/login";
    public static final String CONSENT = "/oauth2/consent";

    private AuthorizationRoutes() {
    }

    /** Schemes are case-insensitive (RFC 3986 §3.1): {@code HTTPS://} is https too, and gets secure cookies. */
    static boolean isHttps(String issuer) {
        return "https".equalsIgnoreCase(URI.create(issuer).getScheme());
    }

    public static void mount(Router router, OAuthUseCases useCases, String issuer, String basePath,
                             TokenLifetimes lifetimes, FormBodyHandler forms) {
        BrowserCookies cookies = new BrowserCookies(isHttps(issuer), lifetimes.loginSession());
        AuthorizationFlow flow = new AuthorizationFlow(useCases, cookies, new AuthorizationResponses(issuer),
                basePath + LOGIN, basePath + CONSENT);
        AuthorizationEndpoint authorize = new AuthorizationEndpoint(flow);

        router.get(basePath + AUTHORIZE).handler(authorize);
        router.post(basePath + AUTHORIZE).handler(forms).handler(authorize);
        router.route(basePath + AUTHORIZE).handler(new MethodNotAllowed("GET, POST"));
        router.post(basePath + LOGIN).handler(forms).handler(new LoginEndpoint(flow, useCases.signIn(), basePath + AUTHORIZE));
        router.route(basePath + LOGIN).handler(new MethodNotAllowed("POST"));
        router.post(basePath + CONSENT).handler(forms)
                .handler(new ConsentEndpoint(flow, useCases.recordConsent(), basePath + AUTHORIZE));
        router.route(basePath + CONSENT).handler(new MethodNotAllowed("POST"));
    }
}

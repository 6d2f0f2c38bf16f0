package dev.whosthat.oauth.adapter.http.authorize;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * The two cookies of the sign-in pages: the session, and the CSRF token that every form repeats
 * (double submit). Both are {@code HttpOnly} and {@code SameSite=Lax}; on an https issuer they are
 * {@code Secure} with the {@code __Host-} prefix, which pins them to this host and path "/".
 */
final class BrowserCookies {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final boolean secure;
    private final String sessionName;
    private final String csrfName;
    private final Duration sessionLifetime;

    BrowserCookies(boolean secure, Duration sessionLifetime) {
        this.secure = secure;
        this.sessionName = secure ? "__Host-whosthat-session" : "whosthat-session";
        this.csrfName = secure ? "__Host-whosthat-csrf" : "whosthat-csrf";
        this.sessionLifetime = sessionLifetime;
    }

    Optional<String> session(RoutingContext ctx) {
        return Optional.ofNullable(ctx.request().getCookie(sessionName)).map(Cookie::getValue);
    }

    void setSession(RoutingContext ctx, String value) {
        ctx.response().addCookie(cookie(sessionName, value).setMaxAge(sessionLifetime.toSeconds()));
    }

    /** The CSRF token of this browser, made and set now if it has none yet. */
    String csrf(RoutingContext ctx) {
        Cookie existing = ctx.request().getCookie(csrfName);
        if (existing != null && existing.getValue().length() == 43) {
            return existing.getValue();
        }
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        ctx.response().addCookie(cookie(csrfName, value));
        return value;
    }

    /** Does the form's token equal the cookie's? Compared in constant time. */
    boolean csrfMatches(RoutingContext ctx, Optional<String> fromForm) {
        Cookie cookie = ctx.request().getCookie(csrfName);
        if (cookie == null || fromForm.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                fromForm.get().getBytes(StandardCharsets.UTF_8));
    }

    private Cookie cookie(String name, String value) {
        return Cookie.cookie(name, value)
                .setPath("/")
                .setHttpOnly(true)
                .setSecure(secure)
                .setSameSite(CookieSameSite.LAX);
    }
}

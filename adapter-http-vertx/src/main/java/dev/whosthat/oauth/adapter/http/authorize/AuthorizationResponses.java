package dev.whosthat.oauth.adapter.http.authorize;

import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.adapter.http.observe.RequestFacts;
import dev.whosthat.oauth.domain.error.OAuthError;
import dev.whosthat.oauth.domain.token.TokenValue;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Redirects back to the client (RFC 6749 §4.1.2, §4.1.2.1) with the issuer identifier (RFC 9207),
 * appended to the registered redirect URI's own query, never replacing it (§3.1.2).
 */
final class AuthorizationResponses {

    private final String issuer;

    AuthorizationResponses(String issuer) {
        this.issuer = issuer;
    }

    void code(RoutingContext ctx, int status, RedirectUri redirectUri, TokenValue code, Optional<String> state) {
        StringBuilder target = start(redirectUri).append("code=").append(encode(code.value()));
        redirect(ctx, status, finish(target, state));
    }

    void error(RoutingContext ctx, int status, RedirectUri redirectUri, OAuthError error, Optional<String> state) {
        RequestFacts.of(ctx).error(error.code());
        StringBuilder target = start(redirectUri)
                .append("error=").append(encode(error.code().wire()))
                .append("&error_description=").append(encode(error.description()));
        redirect(ctx, status, finish(target, state));
    }

    private static StringBuilder start(RedirectUri redirectUri) {
        String base = redirectUri.value();
        return new StringBuilder(base).append(base.contains("?") ? '&' : '?');
    }

    private String finish(StringBuilder target, Optional<String> state) {
        state.ifPresent(s -> target.append("&state=").append(encode(s)));
        return target.append("&iss=").append(encode(issuer)).toString();
    }

    private static void redirect(RoutingContext ctx, int status, String location) {
        Pages.secure(ctx.response()).setStatusCode(status).putHeader(HttpHeaders.LOCATION, location).end();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

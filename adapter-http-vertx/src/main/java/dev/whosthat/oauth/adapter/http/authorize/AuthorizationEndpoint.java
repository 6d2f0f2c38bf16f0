package dev.whosthat.oauth.adapter.http.authorize;

import dev.whosthat.oauth.adapter.http.support.FormBodyHandler;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The authorization endpoint (RFC 6749 §3.1, §4.1.1), by GET or by form POST: asks the user to
 * sign in, then to consent, then redirects back with a code.
 */
final class AuthorizationEndpoint implements Handler<RoutingContext> {

    private final AuthorizationFlow flow;

    AuthorizationEndpoint(AuthorizationFlow flow) {
        this.flow = flow;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.request().method() == HttpMethod.POST && !FormBodyHandler.isFormContentType(ctx.request())) {
            Pages.error(ctx.response(), "the authorization request must be a query or a form");
            return;
        }
        String encoded = ctx.request().method() == HttpMethod.POST ? FormBodyHandler.rawForm(ctx) : queryOf(ctx);
        flow.check(ctx, encoded, 302, (request, encodedRequest) -> flow.withSession(ctx, session -> {
            if (session.isPresent()) {
                flow.proceed(ctx, request, encodedRequest, session.get(), 302);
            } else {
                flow.showLogin(ctx, 200, request, encodedRequest, "", "");
            }
        }));
    }

    private static String queryOf(RoutingContext ctx) {
        String query = ctx.request().query();
        return query == null ? "" : query;
    }
}

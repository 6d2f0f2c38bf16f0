package dev.whosthat.oauth.adapter.http.support;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Mounted after an endpoint's own route: any other method gets 405 with the exact {@code Allow} header. */
public final class MethodNotAllowed implements Handler<RoutingContext> {

    private final String allowed;

    public MethodNotAllowed(String allowed) {
        this.allowed = allowed;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response().putHeader(HttpHeaders.ALLOW, allowed);
        ctx.fail(405);
    }
}

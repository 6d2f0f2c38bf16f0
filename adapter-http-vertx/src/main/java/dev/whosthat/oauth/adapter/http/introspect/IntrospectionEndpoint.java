package dev.whosthat.oauth.adapter.http.introspect;

import dev.whosthat.oauth.adapter.http.support.ClientRequest;
import dev.whosthat.oauth.adapter.http.support.Json;
import dev.whosthat.oauth.adapter.http.support.Responses;
import dev.whosthat.oauth.application.introspect.IntrospectToken;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** The introspection endpoint (RFC 7662). */
public final class IntrospectionEndpoint implements Handler<RoutingContext> {

    private final IntrospectToken introspectToken;
    private final String issuer;
    private final String realm;

    public IntrospectionEndpoint(IntrospectToken introspectToken, String issuer, String realm) {
        this.introspectToken = introspectToken;
        this.issuer = issuer;
        this.realm = realm;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ClientRequest.handle(ctx, realm, introspectToken::handle,
                introspection -> Responses.json(ctx, 200, Json.write(new IntrospectionResponseBody(introspection, issuer))));
    }
}

package dev.whosthat.oauth.adapter.http.introspect;

import dev.whosthat.oauth.adapter.http.support.ClientRequest;
import dev.whosthat.oauth.adapter.http.support.Json;
import dev.whosthat.oauth.adapter.http.support.Responses;
import dev.whosthat.oauth.adapter.http.support.Stages;
import dev.whosthat.oauth.application.introspect.IntrospectToken;
import dev.whosthat.oauth.domain.error.Outcome;
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
        ClientRequest.Parsed parsed = ClientRequest.parse(ctx);
        if (parsed.request() instanceof Outcome.Rejected<ClientRequest> rejected) {
            Responses.clientError(ctx, rejected.error(), parsed.basicAttempted(), realm);
            return;
        }
        ClientRequest request = parsed.request().orElseThrow();
        var command = new IntrospectToken.Request(request.credentials(), request.token(), request.hint());
        Stages.onEventLoop(ctx, introspectToken.handle(command), outcome -> {
            if (outcome instanceof Outcome.Rejected<?> rejected) {
                Responses.clientError(ctx, rejected.error(), parsed.basicAttempted(), realm);
            } else {
                Responses.json(ctx, 200, Json.write(IntrospectionResponseBody.from(outcome.orElseThrow(), issuer)));
            }
        });
    }
}

package dev.whosthat.oauth.adapter.http.token;

import dev.whosthat.oauth.adapter.http.observe.RequestFacts;
import dev.whosthat.oauth.adapter.http.support.Form;
import dev.whosthat.oauth.adapter.http.support.FormBodyHandler;
import dev.whosthat.oauth.adapter.http.support.Json;
import dev.whosthat.oauth.adapter.http.support.PresentedClient;
import dev.whosthat.oauth.adapter.http.support.Responses;
import dev.whosthat.oauth.adapter.http.support.SourceAddresses;
import dev.whosthat.oauth.adapter.http.support.Stages;
import dev.whosthat.oauth.application.token.RequestToken;
import dev.whosthat.oauth.application.token.TokenRequest;
import dev.whosthat.oauth.domain.error.Outcome;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** The token endpoint (RFC 6749 §3.2): parse, command, use case, response. */
public final class TokenEndpoint implements Handler<RoutingContext> {

    private final RequestToken requestToken;
    private final String realm;

    public TokenEndpoint(RequestToken requestToken, String realm) {
        this.requestToken = requestToken;
        this.realm = realm;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Outcome<Form> body = FormBodyHandler.form(ctx);
        if (body instanceof Outcome.Ok<Form> ok) {
            RequestFacts.of(ctx).grantType(ok.value().get("grant_type"));
        }
        var command = body.flatMap(form -> PresentedClient.from(ctx, form)
                .flatMap(credentials -> TokenRequestParser.parse(form).map(grant -> new TokenRequest(credentials, grant, SourceAddresses.of(ctx)))));
        if (command instanceof Outcome.Rejected<TokenRequest> rejected) {
            Responses.clientError(ctx, rejected.error(), realm);
            return;
        }
        TokenRequest request = command.orElseThrow();
        Stages.onEventLoop(ctx, requestToken.handle(request), outcome -> {
            RequestFacts.of(ctx).answered(request.credentials().clientId(), outcome);
            if (outcome instanceof Outcome.Rejected<?> rejected) {
                Responses.clientError(ctx, rejected.error(), realm);
            } else {
                Responses.json(ctx, 200, Json.write(TokenResponseBody.from(outcome.orElseThrow())));
            }
        });
    }
}

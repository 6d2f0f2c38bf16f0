package dev.whosthat.oauth.adapter.http.support;

import dev.whosthat.oauth.adapter.http.observe.RequestFacts;
import dev.whosthat.oauth.application.introspect.ClientTokenRequest;
import dev.whosthat.oauth.application.introspect.TokenHint;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.token.TokenValue;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The introspection (RFC 7662 §2.1) and revocation (RFC 7009 §2.1) requests, which share their
 * shape: an authenticated client, a {@code token}, and an optional {@code token_type_hint}.
 */
public final class ClientRequest {

    private ClientRequest() {
    }

    /**
     * Parses the request, runs the use case, and renders its outcome with {@code onSuccess}; every
     * rejection is rendered as an OAuth error ({@code invalid_client} with a Basic challenge).
     */
    public static <T> void handle(RoutingContext ctx, String realm, Function<ClientTokenRequest, CompletionStage<Outcome<T>>> useCase,
                                  Consumer<T> onSuccess) {
        Outcome<ClientTokenRequest> parsed = parse(ctx);
        if (parsed instanceof Outcome.Rejected<ClientTokenRequest> rejected) {
            Responses.clientError(ctx, rejected.error(), realm);
            return;
        }
        ClientTokenRequest request = parsed.orElseThrow();
        Stages.onEventLoop(ctx, useCase.apply(request), outcome -> {
            RequestFacts.of(ctx).answered(request.credentials().clientId(), outcome);
            if (outcome instanceof Outcome.Rejected<T> rejected) {
                Responses.clientError(ctx, rejected.error(), realm);
            } else {
                onSuccess.accept(outcome.orElseThrow());
            }
        });
    }

    static Outcome<ClientTokenRequest> parse(RoutingContext ctx) {
        return FormBodyHandler.form(ctx).flatMap(fields -> PresentedClient.from(ctx, fields).flatMap(credentials -> fields
                .get("token")
                .<Outcome<ClientTokenRequest>>map(token -> Outcome.ok(new ClientTokenRequest(credentials,
                        // A token that cannot be one of ours is treated like an unknown one.
                        TokenValue.parse(token),
                        fields.get("token_type_hint").flatMap(TokenHint::fromWire),
                        SourceAddresses.of(ctx))))
                .orElseGet(() -> Outcome.rejected(OAuthErrorCode.INVALID_REQUEST, "token is missing"))));
    }
}

package dev.whosthat.oauth.adapter.http.support;

import dev.whosthat.oauth.application.introspect.TokenHint;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.token.TokenValue;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The common shape of the introspection (RFC 7662 §2.1) and revocation (RFC 7009 §2.1) requests:
 * an authenticated client, a {@code token}, and an optional {@code token_type_hint}.
 */
public record ClientRequest(ClientCredentials credentials, Optional<TokenValue> token, Optional<TokenHint> hint) {

    /** A parse failure with the flag that decides whether a Basic challenge goes with it. */
    public record Parsed(Outcome<ClientRequest> request, boolean basicAttempted) {
    }

    /**
     * Parses the request, runs the use case, and renders its outcome with {@code onSuccess}; every
     * rejection is rendered as an OAuth error, with a Basic challenge where Basic was tried.
     */
    public static <T> void handle(RoutingContext ctx, String realm, Function<ClientRequest, CompletionStage<Outcome<T>>> useCase,
                                  Consumer<T> onSuccess) {
        Parsed parsed = parse(ctx);
        if (parsed.request() instanceof Outcome.Rejected<ClientRequest> rejected) {
            Responses.clientError(ctx, rejected.error(), parsed.basicAttempted(), realm);
            return;
        }
        Stages.onEventLoop(ctx, useCase.apply(parsed.request().orElseThrow()), outcome -> {
            if (outcome instanceof Outcome.Rejected<T> rejected) {
                Responses.clientError(ctx, rejected.error(), parsed.basicAttempted(), realm);
            } else {
                onSuccess.accept(outcome.orElseThrow());
            }
        });
    }

    static Parsed parse(RoutingContext ctx) {
        Outcome<Form> form = FormBodyHandler.form(ctx);
        if (form instanceof Outcome.Rejected<Form> rejected) {
            return new Parsed(rejected.retype(), false);
        }
        Form fields = form.orElseThrow();
        PresentedClient.Presented presented = PresentedClient.from(ctx, fields);
        Outcome<ClientRequest> request = presented.credentials().flatMap(credentials -> fields.get("token")
                .<Outcome<ClientRequest>>map(token -> Outcome.ok(new ClientRequest(credentials,
                        // A token that cannot be one of ours is treated like an unknown one.
                        TokenValue.parse(token),
                        fields.get("token_type_hint").flatMap(TokenHint::fromWire))))
                .orElseGet(() -> Outcome.rejected(OAuthErrorCode.INVALID_REQUEST, "token is missing")));
        return new Parsed(request, presented.basicAttempted());
    }
}

package dev.whosthat.oauth.adapter.http.authorize;

import dev.whosthat.oauth.adapter.http.support.Form;
import dev.whosthat.oauth.adapter.http.support.Stages;
import dev.whosthat.oauth.application.authorize.RecordConsent;
import dev.whosthat.oauth.domain.error.OAuthError;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** The consent form's target: Allow remembers the consent and redirects with a code, Deny with {@code access_denied}. */
final class ConsentEndpoint implements Handler<RoutingContext> {

    private final AuthorizationFlow flow;
    private final RecordConsent recordConsent;
    private final String authorizePath;

    ConsentEndpoint(AuthorizationFlow flow, RecordConsent recordConsent, String authorizePath) {
        this.flow = flow;
        this.recordConsent = recordConsent;
        this.authorizePath = authorizePath;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<Form> checked = flow.checkedForm(ctx, "consent");
        if (checked.isEmpty()) {
            return;
        }
        Form form = checked.get();
        Optional<String> decision = form.get("decision").filter(d -> d.equals("allow") || d.equals("deny"));
        if (decision.isEmpty()) {
            Pages.error(ctx.response(), "the consent form carried no decision");
            return;
        }
        flow.check(ctx, form.get("authorization_request").orElse(""), 303, (request, encodedRequest) -> flow.withSession(ctx, session -> {
            if (session.isEmpty()) {
                // The session ended between the pages: start over, which asks to sign in again.
                Pages.secure(ctx.response()).setStatusCode(303)
                        .putHeader(HttpHeaders.LOCATION, authorizePath + "?" + encodedRequest).end();
            } else if (decision.get().equals("deny")) {
                flow.responses().error(ctx, 303, request.redirectUri(),
                        OAuthError.of(OAuthErrorCode.ACCESS_DENIED, "the resource owner denied the request"), request.state());
            } else {
                Stages.onEventLoop(ctx, recordConsent.handle(session.get().owner().subject(), request),
                        recorded -> flow.issueCode(ctx, request, session.get(), 303));
            }
        }));
    }
}

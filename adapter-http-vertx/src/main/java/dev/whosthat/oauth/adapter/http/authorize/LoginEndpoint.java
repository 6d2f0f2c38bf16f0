package dev.whosthat.oauth.adapter.http.authorize;

import dev.whosthat.oauth.adapter.http.support.Form;
import dev.whosthat.oauth.adapter.http.support.Stages;
import dev.whosthat.oauth.application.authorize.SignIn;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.Username;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The sign-in form's target. Any failure shows the same page with one generic message; success
 * opens a session and sends the browser back to the authorization endpoint with a 303.
 */
final class LoginEndpoint implements Handler<RoutingContext> {

    private final AuthorizationFlow flow;
    private final SignIn signIn;
    private final String authorizePath;

    LoginEndpoint(AuthorizationFlow flow, SignIn signIn, String authorizePath) {
        this.flow = flow;
        this.signIn = signIn;
        this.authorizePath = authorizePath;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Optional<Form> checked = flow.checkedForm(ctx, "sign-in");
        if (checked.isEmpty()) {
            return;
        }
        Form form = checked.get();
        flow.check(ctx, form.get("authorization_request").orElse(""), 303, (request, encodedRequest) -> {
            Optional<String> username = form.get("username");
            Optional<String> password = form.get("password");
            if (username.isEmpty() || password.isEmpty() || !Username.isValid(username.get())
                    || password.get().length() > Password.MAX_LENGTH) {
                flow.showLogin(ctx, 200, request, encodedRequest, username.filter(Username::isValid).orElse(""), true);
                return;
            }
            Stages.onEventLoop(ctx, signIn.handle(new Username(username.get()), new Password(password.get())), outcome -> {
                if (outcome instanceof Outcome.Ok<?>) {
                    flow.cookies().setSession(ctx, outcome.orElseThrow().value().value());
                    Pages.secure(ctx.response()).setStatusCode(303)
                            .putHeader(HttpHeaders.LOCATION, authorizePath + "?" + encodedRequest).end();
                } else {
                    flow.showLogin(ctx, 200, request, encodedRequest, username.get(), true);
                }
            });
        });
    }
}

package dev.whosthat.oauth.adapter.http.authorize;

import dev.whosthat.oauth.adapter.http.support.Form;
import dev.whosthat.oauth.adapter.http.support.Responses;
import dev.whosthat.oauth.adapter.http.support.SourceAddresses;
import dev.whosthat.oauth.adapter.http.support.Stages;
import dev.whosthat.oauth.application.authorize.AuthorizationRequest;
import dev.whosthat.oauth.application.authorize.SignIn;
import dev.whosthat.oauth.domain.error.OAuthError;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.Username;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * The sign-in form's target. Any failed check shows the same page with one generic message, and a
 * throttled attempt another (429); success opens a session and sends the browser back to the
 * authorization endpoint with a 303.
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
                flow.showLogin(ctx, 200, request, encodedRequest, username.filter(Username::isValid).orElse(""),
                        LoginPage.WRONG_CREDENTIALS);
                return;
            }
            var signingIn = signIn.handle(new Username(username.get()), new Password(password.get()),
                    Optional.of(request.client().id()), SourceAddresses.of(ctx));
            Stages.onEventLoop(ctx, signingIn, outcome -> {
                if (outcome instanceof Outcome.Rejected<?> rejected) {
                    showRefusal(ctx, request, encodedRequest, username.get(), rejected.error());
                    return;
                }
                flow.cookies().setSession(ctx, outcome.orElseThrow().value().value());
                Pages.secure(ctx.response()).setStatusCode(303)
                        .putHeader(HttpHeaders.LOCATION, authorizePath + "?" + encodedRequest).end();
            });
        });
    }

    /** A throttled attempt gets 429 with Retry-After and its own generic message; any other refusal, the wrong-credentials one. */
    private void showRefusal(RoutingContext ctx, AuthorizationRequest request, String encodedRequest, String username,
                             OAuthError error) {
        if (error.code() == OAuthErrorCode.TOO_MANY_ATTEMPTS) {
            Responses.retryAfter(ctx.response(), error);
            flow.showLogin(ctx, 429, request, encodedRequest, username, LoginPage.TOO_MANY_ATTEMPTS);
        } else {
            flow.showLogin(ctx, 200, request, encodedRequest, username, LoginPage.WRONG_CREDENTIALS);
        }
    }
}

package dev.whosthat.oauth.adapter.http.authorize;

import dev.whosthat.oauth.adapter.http.support.Form;
import dev.whosthat.oauth.adapter.http.support.FormBodyHandler;
import dev.whosthat.oauth.adapter.http.support.Stages;
import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.application.authorize.AuthorizationCheck;
import dev.whosthat.oauth.application.authorize.AuthorizationParameters;
import dev.whosthat.oauth.application.authorize.AuthorizationRequest;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.session.LoginSession;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.BiConsumer;

/**
 * The steps the three authorization routes share: check the request (re-checked on every form
 * post, since the hidden request field comes back from the browser), find the session, and then
 * sign in, ask consent or issue the code.
 */
final class AuthorizationFlow {

    private final OAuthUseCases useCases;
    private final BrowserCookies cookies;
    private final AuthorizationResponses responses;
    private final String loginAction;
    private final String consentAction;

    AuthorizationFlow(OAuthUseCases useCases, BrowserCookies cookies, AuthorizationResponses responses,
                      String loginAction, String consentAction) {
        this.useCases = useCases;
        this.cookies = cookies;
        this.responses = responses;
        this.loginAction = loginAction;
        this.consentAction = consentAction;
    }

    BrowserCookies cookies() {
        return cookies;
    }

    /**
     * The posted form if it parses and carries this browser's CSRF token; otherwise the error page
     * has been sent and the result is empty.
     */
    Optional<Form> checkedForm(RoutingContext ctx, String formName) {
        Outcome<Form> parsed = FormBodyHandler.form(ctx);
        if (parsed instanceof Outcome.Ok<Form> ok && cookies.csrfMatches(ctx, ok.value().get("csrf"))) {
            return Optional.of(ok.value());
        }
        Pages.error(ctx.response(), "the " + formName + " form expired or did not come from this server; start again from the application");
        return Optional.empty();
    }

    /**
     * Checks the encoded request; hands a valid one on, shows the error page for an untrusted one,
     * and redirects any other error to the client.
     */
    void check(RoutingContext ctx, String encodedRequest, int redirectStatus, BiConsumer<AuthorizationRequest, String> valid) {
        Optional<Map<String, List<String>>> parsed = Form.parseAll(encodedRequest);
        if (parsed.isEmpty()) {
            Pages.error(ctx.response(), "the authorization request is malformed");
            return;
        }
        Stages.onEventLoop(ctx, useCases.validateAuthorizationRequest().handle(new AuthorizationParameters(parsed.get())), check -> {
            if (check instanceof AuthorizationCheck.Untrusted untrusted) {
                Pages.error(ctx.response(), untrusted.error().description());
            } else if (check instanceof AuthorizationCheck.Refused refused) {
                responses.error(ctx, redirectStatus, refused.redirectUri(), refused.error(), refused.state());
            } else {
                valid.accept(((AuthorizationCheck.Valid) check).request(), reencode(parsed.get()));
            }
        });
    }

    /**
     * The request encoded again rather than passed on as received: a form body may carry raw
     * characters (CR, LF, non-ASCII) that would break the Location of the sign-in redirect or come
     * back altered. A valid request repeats no parameter, so nothing is lost.
     */
    private static String reencode(Map<String, List<String>> params) {
        StringJoiner encoded = new StringJoiner("&");
        params.forEach((name, values) -> values.forEach(value -> encoded.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return encoded.toString();
    }

    /** The user's live session, or empty. */
    void withSession(RoutingContext ctx, java.util.function.Consumer<Optional<LoginSession>> next) {
        Stages.onEventLoop(ctx, useCases.findSession().handle(cookies.session(ctx)), next);
    }

    /** Signed in: redirect with a code if consent covers the request, else ask for it. */
    void proceed(RoutingContext ctx, AuthorizationRequest request, String encodedRequest, LoginSession session, int redirectStatus) {
        Stages.onEventLoop(ctx, useCases.checkConsent().handle(session.owner().subject(), request), consented -> {
            if (consented) {
                issueCode(ctx, request, session, redirectStatus);
            } else {
                Pages.consent(ctx.response(), new ConsentPage(Pages.nonce(), request.client().name(),
                        session.owner().username().value(), ScopeWording.describe(request.scope()), consentAction,
                        cookies.csrf(ctx), encodedRequest));
            }
        });
    }

    void issueCode(RoutingContext ctx, AuthorizationRequest request, LoginSession session, int redirectStatus) {
        Stages.onEventLoop(ctx, useCases.issueAuthorizationCode().handle(request, session.owner()),
                code -> responses.code(ctx, redirectStatus, request.redirectUri(), code, request.state()));
    }

    void showLogin(RoutingContext ctx, int status, AuthorizationRequest request, String encodedRequest, String username,
                   String alert) {
        Pages.login(ctx.response(), status, new LoginPage(Pages.nonce(), request.client().name(), loginAction,
                cookies.csrf(ctx), encodedRequest, username, alert));
    }

    AuthorizationResponses responses() {
        return responses;
    }
}

package dev.whosthat.oauth.adapter.http.authorize;

import dev.whosthat.oauth.adapter.http.support.Form;
import dev.whosthat.oauth.adapter.http.support.Stages;
import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.application.authorize.AuthorizationCheck;
import dev.whosthat.oauth.application.authorize.AuthorizationParameters;
import dev.whosthat.oauth.application.authorize.AuthorizationRequest;
import dev.whosthat.oauth.domain.session.LoginSession;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
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
     * Checks the encoded request; hands a valid one on, shows the error page for an untrusted one,
     * and redirects any other error to the client.
     */
    void check(RoutingContext ctx, String encodedRequest, int redirectStatus, BiConsumer<AuthorizationRequest, String> valid) {
        Optional<AuthorizationParameters> params = Form.parseAll(encodedRequest).map(AuthorizationParameters::new);
        if (params.isEmpty()) {
            Pages.error(ctx.response(), "the authorization request is malformed");
            return;
        }
        Stages.onEventLoop(ctx, useCases.validateAuthorizationRequest().handle(params.get()), check -> {
            if (check instanceof AuthorizationCheck.Untrusted untrusted) {
                Pages.error(ctx.response(), untrusted.error().description());
            } else if (check instanceof AuthorizationCheck.Refused refused) {
                responses.error(ctx, redirectStatus, refused.redirectUri(), refused.error(), refused.state());
            } else {
                valid.accept(((AuthorizationCheck.Valid) check).request(), encodedRequest);
            }
        });
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
                   boolean failed) {
        Pages.login(ctx.response(), status, new LoginPage(Pages.nonce(), request.client().name(), loginAction,
                cookies.csrf(ctx), encodedRequest, username, failed));
    }

    AuthorizationResponses responses() {
        return responses;
    }
}

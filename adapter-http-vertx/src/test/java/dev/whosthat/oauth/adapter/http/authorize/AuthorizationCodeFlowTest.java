package dev.whosthat.oauth.adapter.http.authorize;

import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC_REDIRECT;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_SINGLE;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_SINGLE_REDIRECT;
import static dev.whosthat.oauth.adapter.http.TestServer.USER_PASSWORD;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertCodeRedirect;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertConsentPage;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertErrorPage;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertLoginPage;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertNoSessionCookie;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertProtectedHeaders;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.scopesListed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Forms;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The authorization code flow as a browser walks it (RFC 6749 §4.1, RFC 7636, RFC 9207): sign-in
 * page, 303 after the sign-in, consent page, and the redirect back to the client with a code.
 */
class AuthorizationCodeFlowTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    /** A state with characters that must survive the round trip encoded. */
    private static final String STATE = "s t/a+t=e&1";

    private final Pkce pkce = Pkce.generate();
    private final Browser browser = new Browser(server);

    private String[] request(String scope) {
        return Authorize.params(CODE_PUBLIC, CODE_PUBLIC_REDIRECT, scope, STATE, pkce);
    }

    @Test
    void requestWithoutSessionShowsTheSignInPage() {
        Reply page = browser.get(Authorize.uri(request("read write")));

        assertLoginPage(page);
        assertThat(page.body())
                .contains("to continue to <strong>code-public</strong>")
                .contains("<form method=\"post\" action=\"/oauth2/login\">")
                .doesNotContain("Sign-in failed");
        assertThat(page.header("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'none'"));
        // The hidden field carries the request back, form-encoded.
        assertThat(Html.hidden(page.body(), "authorization_request")).isEqualTo(Forms.of(request("read write")));
        assertNoSessionCookie(page);
    }

    @Test
    void signInPageSetsAnHttpOnlyLaxCsrfCookieThatTheFormRepeats() {
        Reply page = browser.get(Authorize.uri(request("read")));

        SetCookie csrf = SetCookie.named(page, Browser.CSRF_COOKIE).orElseThrow(() -> new AssertionError(page.toString()));
        assertThat(csrf.has("HttpOnly")).isTrue();
        assertThat(csrf.attribute("SameSite")).hasValueSatisfying(mode -> assertThat(mode).isEqualToIgnoringCase("Lax"));
        assertThat(csrf.attribute("Path")).hasValue("/");
        // http issuer: no Secure flag, so no __Host- prefix either.
        assertThat(csrf.has("Secure")).isFalse();
        assertThat(Html.hidden(page.body(), "csrf")).isEqualTo(csrf.value());
    }

    @Test
    void csrfCookieIsKeptAcrossPages() {
        Reply first = browser.get(Authorize.uri(request("read")));

        Reply second = browser.get(Authorize.uri(request("read write")));

        assertThat(SetCookie.named(second, Browser.CSRF_COOKIE)).isEmpty();
        assertThat(Html.hidden(second.body(), "csrf")).isEqualTo(Html.hidden(first.body(), "csrf"));
    }

    @Test
    void signInRedirectsWith303BackToTheAuthorizationEndpointAndSetsTheSessionCookie() {
        String user = server.newUser();
        Reply page = browser.get(Authorize.uri(request("read write")));

        Reply signedIn = browser.signIn(page, user, USER_PASSWORD);

        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(303);
        assertThat(signedIn.header("Location")).hasValue(Authorize.uri(request("read write")));
        assertProtectedHeaders(signedIn);
        SetCookie session = SetCookie.named(signedIn, Browser.SESSION_COOKIE)
                .orElseThrow(() -> new AssertionError(signedIn.toString()));
        assertThat(session.value()).hasSize(43);
        assertThat(session.has("HttpOnly")).isTrue();
        assertThat(session.attribute("SameSite")).hasValueSatisfying(mode -> assertThat(mode).isEqualToIgnoringCase("Lax"));
        assertThat(session.attribute("Path")).hasValue("/");
        assertThat(session.attribute("Max-Age")).hasValueSatisfying(age -> assertThat(Long.parseLong(age)).isPositive());
        // http issuer: neither Secure nor the __Host- prefix, which requires Secure.
        assertThat(session.has("Secure")).isFalse();
        assertThat(SetCookie.all(signedIn)).noneMatch(cookie -> cookie.name().startsWith("__Host-"));
    }

    @Test
    void signedInUserIsAskedToConsentToEachRequestedScopeInWords() {
        String user = server.newUser();

        Reply consent = browser.signedIn(Authorize.uri(request("read write")), user);

        assertConsentPage(consent);
        assertThat(consent.body())
                .contains("<strong>code-public</strong> asks to:")
                .contains("Signed in as " + user + ".")
                .contains("<form method=\"post\" action=\"/oauth2/consent\">");
        assertThat(scopesListed(consent)).containsExactlyInAnyOrder("Read your data", "Change your data");
        assertThat(Html.hidden(consent.body(), "authorization_request")).isEqualTo(Forms.of(request("read write")));
        assertThat(Html.hidden(consent.body(), "csrf")).isEqualTo(browser.cookie(Browser.CSRF_COOKIE).orElseThrow());
    }

    @Test
    void allowRedirectsWith303AndTheCodeTheStateAndTheIssuer() {
        String user = server.newUser();
        Reply consent = browser.signedIn(Authorize.uri(request("read")), user);

        Reply allowed = browser.decide(consent, "allow");

        Redirect redirect = assertCodeRedirect(allowed, 303, CODE_PUBLIC_REDIRECT, STATE);
        assertThat(redirect.base()).isEqualTo(CODE_PUBLIC_REDIRECT);
        assertThat(redirect.params()).containsOnlyKeys("code", "state", "iss");
    }

    @Test
    void redirectUriWithItsOwnQueryKeepsItAndGetsTheResponseAppended() {
        String user = server.newUser();
        // The client registered exactly one redirect URI, so the request may leave it out (§3.1.2.3).
        String[] params = Authorize.without(Authorize.params(CODE_SINGLE, CODE_SINGLE_REDIRECT, "read", STATE, pkce),
                "redirect_uri");

        Reply allowed = browser.allowed(Authorize.uri(params), user);

        Redirect redirect = assertCodeRedirect(allowed, 303, CODE_SINGLE_REDIRECT, STATE);
        assertThat(redirect.location()).startsWith(CODE_SINGLE_REDIRECT + "&code=");
        assertThat(redirect.param("tenant")).hasValue("1");
    }

    @Test
    void codeBuysTokensForTheUserWhoSignedIn() {
        String user = server.newUser();
        Redirect redirect = assertCodeRedirect(browser.allowed(Authorize.uri(request("read write")), user), 303,
                CODE_PUBLIC_REDIRECT, STATE);

        Reply tokens = server.token(CODE_PUBLIC, "grant_type", "authorization_code", "code", redirect.code(),
                "redirect_uri", CODE_PUBLIC_REDIRECT, "code_verifier", pkce.verifier());

        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        Reply me = server.me(tokens.text("access_token"));
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo(user);
        assertThat(me.text("client_id")).isEqualTo(CODE_PUBLIC.id());
    }

    @Test
    void consentPostedAfterTheSessionIsGoneStartsOverAtSignIn() {
        String user = server.newUser();
        Reply consent = browser.signedIn(Authorize.uri(request("read")), user);
        // Another browser with only the CSRF cookie: the same page posted without a session.
        Browser withoutSession = new Browser(server);
        Reply login = withoutSession.get(Authorize.uri(request("read")));
        String form = Forms.of("csrf", Html.hidden(login.body(), "csrf"),
                "authorization_request", Html.hidden(consent.body(), "authorization_request"), "decision", "allow");

        Reply posted = withoutSession.post(AuthorizationRoutes.CONSENT, form);

        assertThat(posted.status()).as(posted.toString()).isEqualTo(303);
        assertThat(posted.header("Location")).hasValue(Authorize.uri(request("read")));
        assertLoginPage(withoutSession.follow(posted));
    }

    @Test
    void requestTamperedWithInTheSignInFormIsCheckedAgainAndNeverRedirected() {
        String user = server.newUser();
        Reply page = browser.get(Authorize.uri(request("read")));
        String tampered = Forms.of(Authorize.replacing(request("read"), "redirect_uri", "https://evil.example/cb"));

        Reply posted = browser.post(AuthorizationRoutes.LOGIN, Forms.of("csrf", Html.hidden(page.body(), "csrf"),
                "authorization_request", tampered, "username", user, "password", USER_PASSWORD));

        assertErrorPage(posted);
        assertThat(posted.body()).doesNotContain("evil.example");
    }

    @Test
    void requestTamperedWithInTheConsentFormIsCheckedAgainAndNeverRedirected() {
        String user = server.newUser();
        Reply consent = browser.signedIn(Authorize.uri(request("read")), user);
        String tampered = Forms.of(Authorize.replacing(request("read"), "redirect_uri", "https://evil.example/cb"));

        Reply posted = browser.post(AuthorizationRoutes.CONSENT, Forms.of("csrf", Html.hidden(consent.body(), "csrf"),
                "authorization_request", tampered, "decision", "allow"));

        assertErrorPage(posted);
    }

    @Test
    void consentFormWithoutADecisionIsRefused() {
        String user = server.newUser();
        Reply consent = browser.signedIn(Authorize.uri(request("read")), user);

        Reply posted = browser.post(AuthorizationRoutes.CONSENT, Forms.of("csrf", Html.hidden(consent.body(), "csrf"),
                "authorization_request", Html.hidden(consent.body(), "authorization_request"), "decision", "maybe"));

        assertErrorPage(posted);
        assertConsentPage(browser.get(Authorize.uri(request("read"))));
    }
}

package dev.whosthat.oauth.adapter.http.authorize;

import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC_REDIRECT;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_SINGLE;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_SINGLE_REDIRECT;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertCodeRedirect;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertConsentPage;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertLoginPage;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertNoSessionCookie;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertRedirectedError;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.scopesListed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the server remembers between authorizations: the session (no second sign-in) and the
 * consent per user, client and scope; and what a refusal does (RFC 6749 §4.1.2.1 access_denied).
 */
class RememberedConsentTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private final Browser browser = new Browser(server);

    private static String[] request(String scope, String state, Pkce pkce) {
        return Authorize.params(CODE_PUBLIC, CODE_PUBLIC_REDIRECT, scope, state, pkce);
    }

    @Test
    void secondAuthorizationForTheSameScopeRedirectsStraightBackWithACode() {
        String user = server.newUser();
        assertCodeRedirect(browser.allowed(Authorize.uri(request("read", "first", Pkce.generate())), user),
                303, CODE_PUBLIC_REDIRECT, "first");
        Pkce pkce = Pkce.generate();

        Reply again = browser.get(Authorize.uri(request("read", "second", pkce)));

        // A GET answered without a page: the ordinary 302 of RFC 6749 §4.1.2.
        Redirect redirect = assertCodeRedirect(again, 302, CODE_PUBLIC_REDIRECT, "second");
        assertNoSessionCookie(again);
        Reply tokens = server.token(CODE_PUBLIC, "grant_type", "authorization_code", "code", redirect.code(),
                "redirect_uri", CODE_PUBLIC_REDIRECT, "code_verifier", pkce.verifier());
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.text("scope")).isEqualTo("read");
    }

    @Test
    void narrowerScopeThanTheConsentedOneRedirectsStraightBack() {
        String user = server.newUser();
        browser.allowed(Authorize.uri(request("read write", "first", Pkce.generate())), user);

        Reply again = browser.get(Authorize.uri(request("write", "second", Pkce.generate())));

        assertCodeRedirect(again, 302, CODE_PUBLIC_REDIRECT, "second");
    }

    @Test
    void widerScopeThanTheConsentedOneAsksAgain() {
        String user = server.newUser();
        browser.allowed(Authorize.uri(request("read", "first", Pkce.generate())), user);

        Reply wider = browser.get(Authorize.uri(request("read write", "second", Pkce.generate())));

        assertConsentPage(wider);
        assertThat(scopesListed(wider)).containsExactlyInAnyOrder("Read your data", "Change your data");
        // Allowing the wider scope remembers it too.
        assertCodeRedirect(browser.decide(wider, "allow"), 303, CODE_PUBLIC_REDIRECT, "second");
        assertCodeRedirect(browser.get(Authorize.uri(request("read write", "third", Pkce.generate()))),
                302, CODE_PUBLIC_REDIRECT, "third");
    }

    @Test
    void consentIsRememberedPerClient() {
        String user = server.newUser();
        browser.allowed(Authorize.uri(request("read", "first", Pkce.generate())), user);

        Reply otherClient = browser.get(Authorize.uri(
                Authorize.params(CODE_SINGLE, CODE_SINGLE_REDIRECT, "read", "second", Pkce.generate())));

        assertConsentPage(otherClient);
        assertThat(otherClient.body()).contains("<strong>code-single</strong>");
    }

    @Test
    void consentIsRememberedPerUser() {
        browser.allowed(Authorize.uri(request("read", "first", Pkce.generate())), server.newUser());
        Browser otherBrowser = new Browser(server);

        Reply otherUser = otherBrowser.signedIn(Authorize.uri(request("read", "second", Pkce.generate())), server.newUser());

        assertConsentPage(otherUser);
    }

    @Test
    void signedInUserIsNotAskedToSignInAgain() {
        String user = server.newUser();
        browser.allowed(Authorize.uri(request("read", "first", Pkce.generate())), user);

        Reply otherClient = browser.get(Authorize.uri(
                Authorize.params(CODE_SINGLE, CODE_SINGLE_REDIRECT, "read", "second", Pkce.generate())));

        assertConsentPage(otherClient);
        assertThat(otherClient.body()).contains("Signed in as " + user + ".");
    }

    @Test
    void anotherBrowserWithoutTheSessionCookieMustSignIn() {
        String user = server.newUser();
        browser.allowed(Authorize.uri(request("read", "first", Pkce.generate())), user);

        Reply elsewhere = new Browser(server).get(Authorize.uri(request("read", "second", Pkce.generate())));

        assertLoginPage(elsewhere);
    }

    @Test
    void denyRedirectsWith303AndAccessDeniedTheStateAndTheIssuer() {
        String user = server.newUser();
        Reply consent = browser.signedIn(Authorize.uri(request("read", "denied state", Pkce.generate())), user);

        Reply denied = browser.decide(consent, "deny");

        Redirect redirect = assertRedirectedError(denied, 303, CODE_PUBLIC_REDIRECT, "access_denied", "denied state");
        assertThat(redirect.params()).containsOnlyKeys("error", "error_description", "state", "iss");
    }

    @Test
    void denyIsNotRemembered() {
        String user = server.newUser();
        Reply consent = browser.signedIn(Authorize.uri(request("read", "first", Pkce.generate())), user);
        browser.decide(consent, "deny");

        Reply again = browser.get(Authorize.uri(request("read", "second", Pkce.generate())));

        assertConsentPage(again);
    }

    @Test
    void denyOnAClientWhoseRedirectUriHasAQueryKeepsIt() {
        String user = server.newUser();
        String[] params = Authorize.params(CODE_SINGLE, CODE_SINGLE_REDIRECT, "read", "st", Pkce.generate());
        Reply consent = browser.signedIn(Authorize.uri(params), user);

        Redirect redirect = assertRedirectedError(browser.decide(consent, "deny"), 303, CODE_SINGLE_REDIRECT,
                "access_denied", "st");

        assertThat(redirect.location()).startsWith(CODE_SINGLE_REDIRECT + "&error=access_denied");
        assertThat(redirect.param("tenant")).hasValue("1");
    }

    @Test
    void sessionCookieThatIsNotOneOfOursIsNoSession() {
        Browser forged = new Browser(server);

        Reply page = forged.send(server.request(Authorize.uri(request("read", "s", Pkce.generate()))).GET()
                .header("Cookie", Browser.SESSION_COOKIE + "=" + "x".repeat(43)));

        assertLoginPage(page);
    }
}

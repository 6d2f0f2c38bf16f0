package dev.whosthat.oauth.adapter.http.authorize;

import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC_REDIRECT;
import static dev.whosthat.oauth.adapter.http.TestServer.USER_PASSWORD;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertConsentPage;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertErrorPage;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertLoginPage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Forms;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Double-submit CSRF protection of the two forms (RFC 6749 §10.12): a post whose token is missing
 * or differs from the cookie gets the error page, opens no session, records no consent and
 * issues no code.
 */
class CsrfProtectionTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    /** Well formed, but not the token of this browser. */
    private static final String FORGED = "A".repeat(43);

    private final Browser browser = new Browser(server);
    private final String user = server.newUser();
    private final String[] request = Authorize.params(CODE_PUBLIC, CODE_PUBLIC_REDIRECT, "read", "st", Pkce.generate());

    private Reply login(Reply page, String... csrf) {
        String[] fields = Authorize.with(csrf, "authorization_request", Html.hidden(page.body(), "authorization_request"),
                "username", user, "password", USER_PASSWORD);
        return browser.post(AuthorizationRoutes.LOGIN, Forms.of(fields));
    }

    private Reply consent(Reply page, String... csrf) {
        String[] fields = Authorize.with(csrf, "authorization_request", Html.hidden(page.body(), "authorization_request"),
                "decision", "allow");
        return browser.post(AuthorizationRoutes.CONSENT, Forms.of(fields));
    }

    @Test
    void signInWithoutTheCsrfFieldIsRefused() {
        Reply page = browser.get(Authorize.uri(request));

        Reply posted = login(page);

        assertErrorPage(posted);
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isEmpty();
        assertLoginPage(browser.get(Authorize.uri(request)));
    }

    @Test
    void signInWithAnotherCsrfValueThanTheCookieIsRefused() {
        Reply page = browser.get(Authorize.uri(request));

        Reply posted = login(page, "csrf", FORGED);

        assertErrorPage(posted);
        assertThat(browser.cookie(Browser.SESSION_COOKIE)).isEmpty();
    }

    @Test
    void signInFromAnotherSiteWithoutTheCsrfCookieIsRefused() {
        // The attacker read a token from their own page, but the victim's browser has another cookie, or none.
        Reply attackersPage = new Browser(server).get(Authorize.uri(request));

        Reply posted = login(attackersPage, "csrf", Html.hidden(attackersPage.body(), "csrf"));

        assertErrorPage(posted);
    }

    @Test
    void signInWithAnEmptyCsrfValueIsRefused() {
        Reply page = browser.get(Authorize.uri(request));

        assertErrorPage(login(page, "csrf", ""));
    }

    @Test
    void signInWithTheCsrfTokenInTheQueryInsteadOfTheFormIsRefused() {
        Reply page = browser.get(Authorize.uri(request));
        String body = Forms.of("authorization_request", Html.hidden(page.body(), "authorization_request"),
                "username", user, "password", USER_PASSWORD);

        Reply posted = browser.send(server.request(AuthorizationRoutes.LOGIN + "?csrf=" + Html.hidden(page.body(), "csrf"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertErrorPage(posted);
    }

    @Test
    void signInWithAJsonBodyIsRefused() {
        Reply page = browser.get(Authorize.uri(request));

        Reply posted = browser.send(server.request(AuthorizationRoutes.LOGIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"csrf\":\"" + Html.hidden(page.body(), "csrf") + "\"}")));

        assertErrorPage(posted);
    }

    @Test
    void consentWithoutTheCsrfFieldIsRefusedAndIssuesNoCode() {
        Reply consentPage = browser.signedIn(Authorize.uri(request), user);

        Reply posted = consent(consentPage);

        assertErrorPage(posted);
        // Nothing was recorded: the next authorization asks again instead of redirecting with a code.
        assertConsentPage(browser.get(Authorize.uri(request)));
    }

    @Test
    void consentWithAnotherCsrfValueThanTheCookieIsRefusedAndIssuesNoCode() {
        Reply consentPage = browser.signedIn(Authorize.uri(request), user);

        Reply posted = consent(consentPage, "csrf", FORGED);

        assertErrorPage(posted);
        assertConsentPage(browser.get(Authorize.uri(request)));
    }

    @Test
    void denyWithoutTheCsrfFieldIsRefusedToo() {
        Reply consentPage = browser.signedIn(Authorize.uri(request), user);

        Reply posted = browser.post(AuthorizationRoutes.CONSENT, Forms.of(
                "authorization_request", Html.hidden(consentPage.body(), "authorization_request"), "decision", "deny"));

        assertErrorPage(posted);
    }

    @Test
    void csrfTokenOfTheSignInPageIsTheOneTheConsentFormCarries() {
        Reply login = browser.get(Authorize.uri(request));
        Reply signedIn = browser.signIn(login, user, TestServer.USER_PASSWORD);

        Reply consentPage = browser.follow(signedIn);

        assertThat(Html.hidden(consentPage.body(), "csrf")).isEqualTo(Html.hidden(login.body(), "csrf"));
    }
}

package dev.whosthat.oauth.adapter.http.authorize;

import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC_REDIRECT;
import static dev.whosthat.oauth.adapter.http.TestServer.SCRIPT_NAME;
import static dev.whosthat.oauth.adapter.http.TestServer.SCRIPT_NAMED;
import static dev.whosthat.oauth.adapter.http.TestServer.SCRIPT_NAMED_REDIRECT;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertConsentPage;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertErrorPage;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertLoginPage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Forms;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Whatever comes from the request or the registration is escaped on every page, never written as markup. */
class PageEscapingTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final String MARKUP = "\"><script>alert('x')</script><img src=x onerror=alert(1)>";

    private final Pkce pkce = Pkce.generate();
    private final Browser browser = new Browser(server);

    /** No element from the input: text may still read "onerror=alert(1)", but only inside a quoted, escaped value. */
    private static void assertNoInjectedMarkup(Reply page) {
        String lower = page.body().toLowerCase(Locale.ROOT);
        assertThat(lower).as(page.body()).doesNotContain("<script").doesNotContain("<img");
    }

    @Test
    void stateWithMarkupIsNeverWrittenAsMarkupOnTheSignInPage() {
        String[] params = Authorize.params(CODE_PUBLIC, CODE_PUBLIC_REDIRECT, "read", MARKUP, pkce);

        Reply page = browser.get(Authorize.uri(params));

        assertLoginPage(page);
        assertNoInjectedMarkup(page);
        assertThat(Html.hidden(page.body(), "authorization_request")).isEqualTo(Forms.of(params));
    }

    @Test
    void rawMarkupInAPostedRequestDoesNotReachThePage() {
        // A form body may carry characters that a URL could not: they must come back out escaped.
        String withoutState = Forms.of(Authorize.without(
                Authorize.params(CODE_PUBLIC, CODE_PUBLIC_REDIRECT, "read", "x", pkce), "state"));

        Reply page = browser.post(AuthorizationRoutes.AUTHORIZE, withoutState + "&state=" + MARKUP);

        assertLoginPage(page);
        assertNoInjectedMarkup(page);
        // The request comes back form-encoded, so the markup is not even in the page as text.
        assertThat(Html.hidden(page.body(), "authorization_request")).isEqualTo(withoutState + "&state=" + Forms.encode(MARKUP));
    }

    @Test
    void clientNameWithMarkupIsEscapedOnTheSignInPage() {
        Reply page = browser.get(Authorize.uri(Authorize.params(SCRIPT_NAMED, SCRIPT_NAMED_REDIRECT, "read", MARKUP, pkce)));

        assertLoginPage(page);
        assertNoInjectedMarkup(page);
        assertThat(page.body()).contains("<strong>&lt;script&gt;alert(");
        assertThat(Html.unescape(page.body())).contains("<strong>" + SCRIPT_NAME + "</strong>");
    }

    @Test
    void clientNameAndStateWithMarkupAreEscapedOnTheConsentPage() {
        String[] params = Authorize.params(SCRIPT_NAMED, SCRIPT_NAMED_REDIRECT, "read", MARKUP, pkce);

        Reply consent = browser.signedIn(Authorize.uri(params), server.newUser());

        assertConsentPage(consent);
        assertNoInjectedMarkup(consent);
        assertThat(Html.unescape(consent.body())).contains("<strong>" + SCRIPT_NAME + "</strong> asks to:");
        assertThat(Html.hidden(consent.body(), "authorization_request")).isEqualTo(Forms.of(params));
    }

    @Test
    void typedUsernameWithMarkupIsEscapedWhenTheFormIsShownAgain() {
        Reply page = browser.get(Authorize.uri(Authorize.params(CODE_PUBLIC, CODE_PUBLIC_REDIRECT, "read", "st", pkce)));

        Reply failed = browser.signIn(page, MARKUP, "whatever");

        assertLoginPage(failed);
        assertNoInjectedMarkup(failed);
        // The quote is escaped, so the whole input stays inside the value attribute and comes back intact.
        Matcher value = Pattern.compile("name=\"username\" value=\"([^\"]*)\"").matcher(failed.body());
        assertThat(value.find()).as(failed.body()).isTrue();
        assertThat(Html.unescape(value.group(1))).isEqualTo(MARKUP);
    }

    @Test
    void scopeWithMarkupNeverReachesAPage() {
        // Scope tokens exclude '"' and '\\' (RFC 6749 §3.3) but not '<'; a token the client lacks is refused by redirect.
        String[] params = Authorize.params(CODE_PUBLIC, CODE_PUBLIC_REDIRECT, "<script>", "st", pkce);

        Reply reply = browser.get(Authorize.uri(params));

        assertThat(Redirect.of(reply, 302).param("error")).hasValue("invalid_scope");
    }

    @Test
    void clientIdWithMarkupIsNotEchoedOnTheErrorPage() {
        Reply page = browser.get(Authorize.uri("response_type", "code", "client_id", "<script>alert(1)</script>"));

        assertErrorPage(page);
        assertNoInjectedMarkup(page);
    }
}

package dev.whosthat.oauth.adapter.http.authorize;

import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC_REDIRECT;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_SINGLE;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_SINGLE_REDIRECT;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertErrorPage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 6749 §4.1.2.1, RFC 9700 §4.1.3: until the client and the redirect URI are trusted, no error
 * goes anywhere but an error page for the user (400), never a redirect; not even an open
 * redirector for a near miss of a registered URI.
 */
class UntrustedRequestTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private final Pkce pkce = Pkce.generate();
    private final Browser browser = new Browser(server);

    private String[] valid() {
        return Authorize.params(CODE_PUBLIC, CODE_PUBLIC_REDIRECT, "read", "st", pkce);
    }

    @Test
    void unknownClientGetsTheErrorPage() {
        Reply page = browser.get(Authorize.uri(Authorize.replacing(valid(), "client_id", "no-such-client")));

        assertErrorPage(page);
        assertThat(page.body()).contains("unknown client");
    }

    @Test
    void missingClientIdGetsTheErrorPage() {
        assertErrorPage(browser.get(Authorize.uri(Authorize.without(valid(), "client_id"))));
    }

    @Test
    void emptyClientIdGetsTheErrorPage() {
        assertErrorPage(browser.get(Authorize.uri(Authorize.replacing(valid(), "client_id", ""))));
    }

    @Test
    void repeatedClientIdGetsTheErrorPage() {
        assertErrorPage(browser.get(Authorize.uri(Authorize.with(valid(), "client_id", CODE_PUBLIC.id()))));
        assertErrorPage(browser.get(Authorize.uri(Authorize.with(valid(), "client_id", CODE_SINGLE.id()))));
    }

    @Test
    void unregisteredRedirectUriGetsTheErrorPage() {
        Reply page = browser.get(Authorize.uri(Authorize.replacing(valid(), "redirect_uri", "https://evil.example/cb")));

        assertErrorPage(page);
        assertThat(page.body()).contains("redirect_uri is not registered for this client").doesNotContain("evil.example");
    }

    /** Exact string matching: every near miss of "https://app.example/cb" is a different URI. */
    @ParameterizedTest
    @ValueSource(strings = {
            "https://app.example/c",
            "https://app.example/cb/",
            "https://app.example/cb/evil",
            "https://app.example/cb?x=1",
            "https://app.example/cb#frag",
            "https://app.example/CB",
            "https://APP.example/cb",
            "https://app.example:443/cb",
            "http://app.example/cb",
            "https://app.example.evil.example/cb",
            "https://app.example/cb%2F..",
            "https://app.example/other/../cb"})
    void nearMissOfARegisteredRedirectUriGetsTheErrorPage(String nearMiss) {
        assertErrorPage(browser.get(Authorize.uri(Authorize.replacing(valid(), "redirect_uri", nearMiss))));
    }

    @Test
    void redirectUriOfAnotherClientGetsTheErrorPage() {
        assertErrorPage(browser.get(Authorize.uri(Authorize.replacing(valid(), "redirect_uri", "https://legacy.example/cb"))));
    }

    @Test
    void prefixOfARedirectUriWithAQueryGetsTheErrorPage() {
        String[] params = Authorize.params(CODE_SINGLE, "https://app.example/cb", "read", "st", pkce);

        assertErrorPage(browser.get(Authorize.uri(params)));
        assertErrorPage(browser.get(Authorize.uri(Authorize.replacing(params, "redirect_uri", CODE_SINGLE_REDIRECT + "&x=1"))));
    }

    @Test
    void omittedRedirectUriGetsTheErrorPageWhenTheClientRegisteredSeveral() {
        Reply page = browser.get(Authorize.uri(Authorize.without(valid(), "redirect_uri")));

        assertErrorPage(page);
        assertThat(page.body()).contains("redirect_uri is required");
    }

    @Test
    void repeatedRedirectUriGetsTheErrorPageEvenWhenBothAreRegistered() {
        assertErrorPage(browser.get(Authorize.uri(Authorize.with(valid(), "redirect_uri", CODE_PUBLIC_REDIRECT))));
        assertErrorPage(browser.get(Authorize.uri(Authorize.with(valid(), "redirect_uri", "https://app.example/other"))));
    }

    @Test
    void untrustedRequestIsCheckedBeforeAnythingElse() {
        // Every other parameter is wrong too; still nothing may be redirected.
        Reply page = browser.get(Authorize.uri("client_id", CODE_PUBLIC.id(), "redirect_uri", "https://evil.example/cb",
                "response_type", "token", "scope", "admin", "code_challenge_method", "plain"));

        assertErrorPage(page);
    }

    @Test
    void malformedQueryGetsTheErrorPage() {
        // %C3%28 is not UTF-8.
        Reply page = browser.get(Authorize.uri(valid()) + "&bad=%C3%28");

        assertErrorPage(page);
    }

    @Test
    void requestWithoutAnyParameterGetsTheErrorPage() {
        assertErrorPage(browser.get(AuthorizationRoutes.AUTHORIZE));
    }
}

package dev.whosthat.oauth.adapter.http.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import java.util.List;
import java.util.regex.Pattern;

/** What the pages and redirects of the authorization flow must look like on the wire. */
final class PageAssertions {

    private static final Pattern SCOPE_ITEM = Pattern.compile("<li>([^<]*)</li>");

    private PageAssertions() {
    }

    /** Headers that keep the flow out of frames, caches and Referer headers. */
    static void assertProtectedHeaders(Reply reply) {
        assertThat(reply.header("X-Frame-Options")).as(reply.toString()).hasValue("DENY");
        assertThat(reply.header("Cache-Control")).as(reply.toString()).hasValue("no-store");
        assertThat(reply.header("Referrer-Policy")).as(reply.toString()).hasValue("no-referrer");
    }

    /** An HTML page with that status and every protective header, CSP included. */
    static void assertPage(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).as(reply.toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertProtectedHeaders(reply);
        assertThat(reply.header("Content-Security-Policy")).as(reply.toString())
                .hasValueSatisfying(csp -> assertThat(csp).contains("frame-ancestors 'none'"));
        assertThat(reply.body()).startsWith("<!DOCTYPE html>");
    }

    /** RFC 6749 §4.1.2.1: the error page for a request that must not go back to the client; never a redirect. */
    static void assertErrorPage(Reply reply) {
        assertPage(reply, 400);
        assertThat(reply.header("Location")).as(reply.toString()).isEmpty();
        assertThat(reply.body()).contains("This request cannot be completed").contains("role=\"alert\"");
        assertNoSessionCookie(reply);
    }

    static void assertLoginPage(Reply reply) {
        assertPage(reply, 200);
        assertThat(reply.body())
                .contains("<h1>Sign in</h1>")
                .contains("name=\"username\"")
                .contains("name=\"password\"")
                .contains("type=\"password\"")
                .containsPattern("<button type=\"submit\"[^>]*>Sign in</button>");
        assertThat(Html.hidden(reply.body(), "csrf")).hasSize(43);
        assertThat(Html.hasHidden(reply.body(), "authorization_request")).isTrue();
    }

    static void assertConsentPage(Reply reply) {
        assertPage(reply, 200);
        assertThat(reply.body())
                .contains("<h1>Allow access?</h1>")
                .containsPattern("<button type=\"submit\" name=\"decision\" value=\"allow\"[^>]*>Allow</button>")
                .containsPattern("<button type=\"submit\" name=\"decision\" value=\"deny\"[^>]*>Deny</button>");
        assertThat(Html.hidden(reply.body(), "csrf")).hasSize(43);
        assertThat(Html.hasHidden(reply.body(), "authorization_request")).isTrue();
    }

    static void assertNoSessionCookie(Reply reply) {
        assertThat(SetCookie.all(reply)).as(reply.toString())
                .noneMatch(cookie -> cookie.name().endsWith(Browser.SESSION_COOKIE));
    }

    /**
     * RFC 6749 §4.1.2.1 with RFC 9207: a redirect to the client's registered URI with the error, a
     * description, the state and the issuer, and no code.
     */
    static Redirect assertRedirectedError(Reply reply, int status, String redirectUri, String error, String state) {
        Redirect redirect = Redirect.of(reply, status);
        assertProtectedHeaders(reply);
        assertThat(redirect.location()).startsWith(redirectUri + (redirectUri.contains("?") ? "&" : "?"));
        assertThat(redirect.param("error")).as(redirect.location()).hasValue(error);
        assertThat(redirect.param("error_description")).as(redirect.location())
                .hasValueSatisfying(description -> assertThat(description).isNotBlank());
        assertThat(redirect.param("state")).as(redirect.location()).hasValue(state);
        assertThat(redirect.param("iss")).as(redirect.location()).hasValue(TestServer.ISSUER);
        assertThat(redirect.params()).as(redirect.location()).doesNotContainKey("code");
        return redirect;
    }

    /** A redirect to the client with a code, the state and the issuer (RFC 6749 §4.1.2, RFC 9207 §2). */
    static Redirect assertCodeRedirect(Reply reply, int status, String redirectUri, String state) {
        Redirect redirect = Redirect.of(reply, status);
        assertProtectedHeaders(reply);
        assertThat(redirect.location()).startsWith(redirectUri + (redirectUri.contains("?") ? "&" : "?"));
        assertThat(redirect.code()).hasSize(43);
        assertThat(redirect.param("state")).as(redirect.location()).hasValue(state);
        assertThat(redirect.param("iss")).as(redirect.location()).hasValue(TestServer.ISSUER);
        assertThat(redirect.params()).as(redirect.location()).doesNotContainKeys("error", "error_description");
        return redirect;
    }

    /** The scopes in words, as the consent page lists them. */
    static List<String> scopesListed(Reply consentPage) {
        return SCOPE_ITEM.matcher(consentPage.body()).results()
                .map(match -> Html.unescape(match.group(1))).toList();
    }
}

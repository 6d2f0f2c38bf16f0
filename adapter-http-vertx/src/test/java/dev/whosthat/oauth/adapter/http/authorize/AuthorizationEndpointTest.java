package dev.whosthat.oauth.adapter.http.authorize;

import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC_REDIRECT;
import static dev.whosthat.oauth.adapter.http.TestServer.ISSUER;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertCodeRedirect;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertErrorPage;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertLoginPage;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertRedirectedError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whosthat.oauth.adapter.http.Forms;
import dev.whosthat.oauth.adapter.http.OAuthRoutes;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The authorization endpoint's methods (RFC 6749 §3.1: GET, and POST as a form) and its metadata (RFC 8414, RFC 9207). */
class AuthorizationEndpointTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private final Pkce pkce = Pkce.generate();
    private final Browser browser = new Browser(server);
    private final String[] request = Authorize.params(CODE_PUBLIC, CODE_PUBLIC_REDIRECT, "read", "posted", pkce);

    @Test
    void postedFormRequestShowsTheSignInPageLikeGet() {
        Reply page = browser.post(AuthorizationRoutes.AUTHORIZE, Forms.of(request));

        assertLoginPage(page);
        assertThat(Html.hidden(page.body(), "authorization_request")).isEqualTo(Forms.of(request));
    }

    @Test
    void postedFormRequestLeadsToACodeLikeGet() {
        String user = server.newUser();
        Reply page = browser.post(AuthorizationRoutes.AUTHORIZE, Forms.of(request));
        Reply signedIn = browser.signIn(page, user, TestServer.USER_PASSWORD);
        // After the sign-in the browser comes back by GET with the same request.
        assertThat(signedIn.header("Location")).hasValue(Authorize.uri(request));
        Reply consent = browser.follow(signedIn);

        Redirect redirect = assertCodeRedirect(browser.decide(consent, "allow"), 303, CODE_PUBLIC_REDIRECT, "posted");

        Reply tokens = server.token(CODE_PUBLIC, "grant_type", "authorization_code", "code", redirect.code(),
                "redirect_uri", CODE_PUBLIC_REDIRECT, "code_verifier", pkce.verifier());
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        // Consent remembered: a second posted request redirects straight back.
        String[] second = Authorize.replacing(request, "state", "again");
        assertCodeRedirect(browser.post(AuthorizationRoutes.AUTHORIZE, Forms.of(second)), 302, CODE_PUBLIC_REDIRECT, "again");
    }

    @Test
    void postedFormRequestErrorsAreRedirectedLikeGet() {
        Reply reply = browser.post(AuthorizationRoutes.AUTHORIZE, Forms.of(Authorize.replacing(request, "response_type", "token")));

        assertRedirectedError(reply, 302, CODE_PUBLIC_REDIRECT, "unsupported_response_type", "posted");
    }

    @Test
    void postedFormRequestWithAnUnknownClientGetsTheErrorPage() {
        assertErrorPage(browser.post(AuthorizationRoutes.AUTHORIZE, Forms.of(Authorize.replacing(request, "client_id", "nope"))));
    }

    @Test
    void postedRequestWithRawCharactersSurvivesTheSignInRedirect() {
        // A form body, unlike a URL, may carry CR, LF, quotes and raw UTF-8; the state must come back unchanged.
        String state = "a\r\nX-Injected: yes <b>\"q\" \u00e9";
        String body = Forms.of(Authorize.without(request, "state")) + "&state=" + state;
        Reply page = browser.post(AuthorizationRoutes.AUTHORIZE, body);
        assertLoginPage(page);

        Reply signedIn = browser.signIn(page, server.newUser(), TestServer.USER_PASSWORD);

        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(303);
        assertThat(signedIn.header("X-Injected")).isEmpty();
        assertThat(signedIn.header("Location")).hasValue(
                AuthorizationRoutes.AUTHORIZE + "?" + Forms.of(Authorize.without(request, "state")) + "&state=" + Forms.encode(state));
        Reply consent = browser.follow(signedIn);
        assertCodeRedirect(browser.decide(consent, "allow"), 303, CODE_PUBLIC_REDIRECT, state);
    }

    @Test
    void postedRequestThatIsNotAFormGetsTheErrorPage() {
        Reply reply = browser.send(server.request(AuthorizationRoutes.AUTHORIZE)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"code-public\"}")));

        assertErrorPage(reply);
    }

    @Test
    void putIsMethodNotAllowed() {
        Reply reply = browser.send(server.request(Authorize.uri(request))
                .PUT(HttpRequest.BodyPublishers.ofString(Forms.of(request)))
                .header("Content-Type", "application/x-www-form-urlencoded"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(405);
        assertThat(reply.header("Allow")).hasValue("GET, POST");
        assertThat(reply.header("Location")).isEmpty();
    }

    @Test
    void deleteIsMethodNotAllowed() {
        Reply reply = browser.send(server.request(AuthorizationRoutes.AUTHORIZE).DELETE());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(405);
        assertThat(reply.header("Allow")).hasValue("GET, POST");
    }

    @Test
    void consentTargetOnlyTakesPost() {
        Reply reply = browser.get(AuthorizationRoutes.CONSENT);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(405);
        assertThat(reply.header("Allow")).hasValue("POST");
    }

    @Test
    void metadataAdvertisesTheCodeFlowWithS256AndTheIssParameter() {
        Reply reply = server.get(OAuthRoutes.METADATA);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode json = reply.json();
        assertThat(reply.text("authorization_endpoint")).isEqualTo(ISSUER + AuthorizationRoutes.AUTHORIZE);
        assertThat(json.path("response_types_supported").toString()).isEqualTo("[\"code\"]");
        assertThat(json.path("code_challenge_methods_supported").toString()).isEqualTo("[\"S256\"]");
        assertThat(json.path("authorization_response_iss_parameter_supported").isBoolean()).isTrue();
        assertThat(json.path("authorization_response_iss_parameter_supported").asBoolean()).isTrue();
    }

    @Test
    void advertisedAuthorizationEndpointIsTheOneServed() {
        String advertised = server.get(OAuthRoutes.METADATA).text("authorization_endpoint");
        String path = URI.create(advertised).getPath();

        assertLoginPage(browser.get(path + "?" + Forms.of(request)));
    }
}

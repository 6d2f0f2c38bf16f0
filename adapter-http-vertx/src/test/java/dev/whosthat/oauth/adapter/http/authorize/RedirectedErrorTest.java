package dev.whosthat.oauth.adapter.http.authorize;

import static dev.whosthat.oauth.adapter.http.TestServer.CODE_LEGACY;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_LEGACY_REDIRECT;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC_REDIRECT;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_SINGLE;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_SINGLE_REDIRECT;
import static dev.whosthat.oauth.adapter.http.TestServer.NO_CODE;
import static dev.whosthat.oauth.adapter.http.TestServer.NO_CODE_REDIRECT;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertNoSessionCookie;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertRedirectedError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * RFC 6749 §4.1.2.1 with RFC 9207: once the client and its redirect URI are trusted, every other
 * error goes back to the client as a 302 with {@code error}, {@code error_description},
 * {@code state} and {@code iss}, and never with a code. The implicit grant and the plain PKCE
 * method are refused (RFC 9700 §2.1.1, §2.1.2).
 */
class RedirectedErrorTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final String STATE = "af0ifjsldkj <&>";

    private final Pkce pkce = Pkce.generate();
    private final Browser browser = new Browser(server);

    private String[] valid() {
        return Authorize.params(CODE_PUBLIC, CODE_PUBLIC_REDIRECT, "read", STATE, pkce);
    }

    private Redirect refused(String[] params, String error) {
        Reply reply = browser.get(Authorize.uri(params));
        assertNoSessionCookie(reply);
        assertThat(reply.body()).isEmpty();
        return assertRedirectedError(reply, 302, CODE_PUBLIC_REDIRECT, error, STATE);
    }

    @Test
    void missingResponseTypeIsInvalidRequest() {
        refused(Authorize.without(valid(), "response_type"), "invalid_request");
    }

    @Test
    void implicitGrantIsUnsupportedResponseType() {
        refused(Authorize.replacing(valid(), "response_type", "token"), "unsupported_response_type");
    }

    @Test
    void unknownResponseTypeIsUnsupportedResponseType() {
        refused(Authorize.replacing(valid(), "response_type", "code id_token"), "unsupported_response_type");
    }

    @Test
    void repeatedResponseTypeIsInvalidRequest() {
        refused(Authorize.with(valid(), "response_type", "code"), "invalid_request");
    }

    @Test
    void repeatedScopeIsInvalidRequest() {
        refused(Authorize.with(valid(), "scope", "read"), "invalid_request");
    }

    @Test
    void repeatedCodeChallengeIsInvalidRequest() {
        refused(Authorize.with(valid(), "code_challenge", pkce.challenge()), "invalid_request");
    }

    @Test
    void repeatedStateIsInvalidRequestAndNotEchoed() {
        Reply reply = browser.get(Authorize.uri(Authorize.with(valid(), "state", "other")));

        Redirect redirect = Redirect.of(reply, 302);
        assertThat(redirect.param("error")).hasValue("invalid_request");
        // Neither of two states can be the client's, so none is returned.
        assertThat(redirect.params()).doesNotContainKeys("state", "code");
        assertThat(redirect.param("iss")).hasValue(TestServer.ISSUER);
    }

    @Test
    void scopeOutsideTheClientsIsInvalidScope() {
        refused(Authorize.replacing(valid(), "scope", "read admin"), "invalid_scope");
    }

    @Test
    void missingChallengeIsInvalidRequest() {
        Redirect redirect = refused(Authorize.without(Authorize.without(valid(), "code_challenge"), "code_challenge_method"),
                "invalid_request");

        assertThat(redirect.param("error_description")).hasValueSatisfying(d -> assertThat(d).contains("code_challenge"));
    }

    @Test
    void challengeWithoutMethodIsInvalidRequest() {
        // Without a method the challenge would mean plain (RFC 7636 §4.3), which is not served.
        refused(Authorize.without(valid(), "code_challenge_method"), "invalid_request");
    }

    @Test
    void plainChallengeMethodIsInvalidRequest() {
        String[] plain = Authorize.replacing(Authorize.replacing(valid(), "code_challenge", pkce.verifier()),
                "code_challenge_method", "plain");

        refused(plain, "invalid_request");
    }

    @Test
    void methodWithoutChallengeIsInvalidRequest() {
        refused(Authorize.without(valid(), "code_challenge"), "invalid_request");
    }

    @Test
    void malformedChallengeIsInvalidRequest() {
        refused(Authorize.replacing(valid(), "code_challenge", "short"), "invalid_request");
    }

    @Test
    void legacyClientMayLeavePkceOutButNotSendPlain() {
        String[] params = Authorize.replacing(Authorize.replacing(
                Authorize.params(CODE_LEGACY, CODE_LEGACY_REDIRECT, "read", STATE, pkce), "code_challenge", pkce.verifier()),
                "code_challenge_method", "plain");

        assertRedirectedError(browser.get(Authorize.uri(params)), 302, CODE_LEGACY_REDIRECT, "invalid_request", STATE);
    }

    @Test
    void clientWithoutTheCodeGrantIsUnauthorizedClient() {
        String[] params = Authorize.params(NO_CODE, NO_CODE_REDIRECT, "read", STATE, pkce);

        assertRedirectedError(browser.get(Authorize.uri(params)), 302, NO_CODE_REDIRECT, "unauthorized_client", STATE);
    }

    @Test
    void errorGoesToTheOneRegisteredRedirectUriWhenTheRequestLeftItOutAndKeepsItsQuery() {
        String[] params = Authorize.replacing(Authorize.without(
                Authorize.params(CODE_SINGLE, CODE_SINGLE_REDIRECT, "read", STATE, pkce), "redirect_uri"), "response_type", "token");

        Redirect redirect = assertRedirectedError(browser.get(Authorize.uri(params)), 302, CODE_SINGLE_REDIRECT,
                "unsupported_response_type", STATE);

        assertThat(redirect.location()).startsWith(CODE_SINGLE_REDIRECT + "&error=");
        assertThat(redirect.param("tenant")).hasValue("1");
    }

    @Test
    void errorGoesToTheRedirectUriTheRequestNamed() {
        String[] params = Authorize.replacing(Authorize.replacing(valid(), "redirect_uri", "https://app.example/other"),
                "response_type", "token");

        assertRedirectedError(browser.get(Authorize.uri(params)), 302, "https://app.example/other",
                "unsupported_response_type", STATE);
    }

    @Test
    void requestWithoutStateIsRefusedWithoutOne() {
        Reply reply = browser.get(Authorize.uri(Authorize.replacing(Authorize.without(valid(), "state"), "response_type", "token")));

        Redirect redirect = Redirect.of(reply, 302);
        assertThat(redirect.param("error")).hasValue("unsupported_response_type");
        assertThat(redirect.params()).doesNotContainKeys("state", "code");
        assertThat(redirect.param("iss")).hasValue(TestServer.ISSUER);
    }
}

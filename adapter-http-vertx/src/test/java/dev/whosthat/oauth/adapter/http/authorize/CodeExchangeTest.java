package dev.whosthat.oauth.adapter.http.authorize;

import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertOAuthError;
import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertUncachedJson;
import static dev.whosthat.oauth.adapter.http.OAuthAssertions.scopeTokens;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_LEGACY;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_LEGACY_REDIRECT;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC_OTHER_REDIRECT;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_PUBLIC_REDIRECT;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_SINGLE;
import static dev.whosthat.oauth.adapter.http.TestServer.CODE_SINGLE_REDIRECT;
import static dev.whosthat.oauth.adapter.http.authorize.PageAssertions.assertCodeRedirect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Forms;
import dev.whosthat.oauth.adapter.http.OAuthRoutes;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestClient;
import dev.whosthat.oauth.adapter.http.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The code at the token endpoint (RFC 6749 §4.1.3, RFC 7636 §4.5, §4.6): single use with replay
 * revocation (§4.1.2), bound to the client, the redirect URI and the PKCE challenge; a failed
 * check burns nothing.
 */
class CodeExchangeTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private final Pkce pkce = Pkce.generate();
    private final Browser browser = new Browser(server);

    /** A fresh code of a fresh user for {@link TestServer#CODE_PUBLIC}, requested with the redirect URI and the challenge. */
    private String publicClientCode(String scope) {
        Reply allowed = browser.allowed(Authorize.uri(
                Authorize.params(CODE_PUBLIC, CODE_PUBLIC_REDIRECT, scope, "st", pkce)), server.newUser());
        return assertCodeRedirect(allowed, 303, CODE_PUBLIC_REDIRECT, "st").code();
    }

    private static Reply exchange(TestClient client, String... params) {
        String[] all = Authorize.with(new String[] {"grant_type", "authorization_code"}, params);
        return server.token(client, all);
    }

    @Test
    void codeWithTheRightVerifierBuysAnAccessAndARefreshToken() {
        String code = publicClientCode("read write");

        Reply tokens = exchange(CODE_PUBLIC, "code", code, "redirect_uri", CODE_PUBLIC_REDIRECT,
                "code_verifier", pkce.verifier());

        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertUncachedJson(tokens);
        assertThat(tokens.text("token_type")).isEqualTo("Bearer");
        assertThat(tokens.text("access_token")).hasSize(43);
        assertThat(tokens.text("refresh_token")).hasSize(43);
        assertThat(tokens.json().path("expires_in").asLong()).isPositive();
        assertThat(scopeTokens(tokens.text("scope"))).containsExactlyInAnyOrder("read", "write");
        assertThat(server.me(tokens.text("access_token")).status()).isEqualTo(200);
        // The refresh token of the code flow rotates like any other.
        Reply refreshed = server.token(CODE_PUBLIC, "grant_type", "refresh_token", "refresh_token", tokens.text("refresh_token"));
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
    }

    @Test
    void clientWithoutTheRefreshGrantGetsNoRefreshToken() {
        Reply allowed = browser.allowed(Authorize.uri(Authorize.without(
                Authorize.params(CODE_SINGLE, CODE_SINGLE_REDIRECT, "read", "st", pkce), "redirect_uri")), server.newUser());
        String code = assertCodeRedirect(allowed, 303, CODE_SINGLE_REDIRECT, "st").code();

        // The authorization request carried no redirect_uri, so the token request needs none.
        Reply tokens = exchange(CODE_SINGLE, "code", code, "code_verifier", pkce.verifier());

        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.json().has("refresh_token")).as(tokens.toString()).isFalse();
    }

    @Test
    void secondRedemptionIsInvalidGrantAndRevokesTheTokensOfTheFirst() {
        String code = publicClientCode("read");
        Reply first = exchange(CODE_PUBLIC, "code", code, "redirect_uri", CODE_PUBLIC_REDIRECT, "code_verifier", pkce.verifier());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(server.me(first.text("access_token")).status()).isEqualTo(200);

        Reply second = exchange(CODE_PUBLIC, "code", code, "redirect_uri", CODE_PUBLIC_REDIRECT, "code_verifier", pkce.verifier());

        assertOAuthError(second, 400, "invalid_grant");
        // RFC 6749 §4.1.2: the code leaked, so everything issued from it is revoked.
        Reply me = server.me(first.text("access_token"));
        assertThat(me.status()).as(me.toString()).isEqualTo(401);
        assertThat(me.header("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"invalid_token\""));
        assertOAuthError(server.token(CODE_PUBLIC, "grant_type", "refresh_token", "refresh_token", first.text("refresh_token")),
                400, "invalid_grant");
    }

    @Test
    void wrongVerifierIsInvalidGrantAndLeavesTheCodeUsable() {
        String code = publicClientCode("read");

        Reply wrong = exchange(CODE_PUBLIC, "code", code, "redirect_uri", CODE_PUBLIC_REDIRECT,
                "code_verifier", Pkce.generate().verifier());

        assertOAuthError(wrong, 400, "invalid_grant");
        Reply right = exchange(CODE_PUBLIC, "code", code, "redirect_uri", CODE_PUBLIC_REDIRECT, "code_verifier", pkce.verifier());
        assertThat(right.status()).as(right.toString()).isEqualTo(200);
    }

    @Test
    void missingVerifierIsInvalidGrantWhenTheCodeHasAChallenge() {
        String code = publicClientCode("read");

        Reply missing = exchange(CODE_PUBLIC, "code", code, "redirect_uri", CODE_PUBLIC_REDIRECT);

        assertOAuthError(missing, 400, "invalid_grant");
        assertThat(exchange(CODE_PUBLIC, "code", code, "redirect_uri", CODE_PUBLIC_REDIRECT, "code_verifier", pkce.verifier())
                .status()).isEqualTo(200);
    }

    @Test
    void verifierForACodeIssuedWithoutAChallengeIsInvalidGrant() {
        // The legacy client may leave PKCE out; its code then has no challenge.
        String[] params = Authorize.without(Authorize.without(
                Authorize.params(CODE_LEGACY, CODE_LEGACY_REDIRECT, "read", "st", pkce), "code_challenge"), "code_challenge_method");
        String code = assertCodeRedirect(browser.allowed(Authorize.uri(params), server.newUser()), 303,
                CODE_LEGACY_REDIRECT, "st").code();

        Reply downgrade = exchange(CODE_LEGACY, "code", code, "redirect_uri", CODE_LEGACY_REDIRECT,
                "code_verifier", pkce.verifier());

        // RFC 9700 §4.8.2: a verifier without a stored challenge is a downgrade attempt.
        assertOAuthError(downgrade, 400, "invalid_grant");
        Reply legacy = exchange(CODE_LEGACY, "code", code, "redirect_uri", CODE_LEGACY_REDIRECT);
        assertThat(legacy.status()).as(legacy.toString()).isEqualTo(200);
        assertThat(legacy.text("refresh_token")).hasSize(43);
    }

    @Test
    void missingRedirectUriIsInvalidGrantWhenTheRequestCarriedOne() {
        String code = publicClientCode("read");

        Reply missing = exchange(CODE_PUBLIC, "code", code, "code_verifier", pkce.verifier());

        assertOAuthError(missing, 400, "invalid_grant");
        assertThat(exchange(CODE_PUBLIC, "code", code, "redirect_uri", CODE_PUBLIC_REDIRECT, "code_verifier", pkce.verifier())
                .status()).isEqualTo(200);
    }

    @Test
    void anotherRegisteredRedirectUriIsInvalidGrant() {
        String code = publicClientCode("read");

        Reply other = exchange(CODE_PUBLIC, "code", code, "redirect_uri", CODE_PUBLIC_OTHER_REDIRECT,
                "code_verifier", pkce.verifier());

        assertOAuthError(other, 400, "invalid_grant");
    }

    @Test
    void malformedVerifierIsInvalidRequest() {
        String code = publicClientCode("read");

        Reply malformed = exchange(CODE_PUBLIC, "code", code, "redirect_uri", CODE_PUBLIC_REDIRECT,
                "code_verifier", "too-short");

        assertOAuthError(malformed, 400, "invalid_request");
        assertOAuthError(exchange(CODE_PUBLIC, "code", code, "redirect_uri", CODE_PUBLIC_REDIRECT,
                "code_verifier", pkce.verifier() + "!"), 400, "invalid_request");
    }

    @Test
    void codeOfAnotherClientIsInvalidGrantAndStaysUsableByItsOwn() {
        String code = publicClientCode("read");

        Reply stolen = exchange(CODE_SINGLE, "code", code, "redirect_uri", CODE_PUBLIC_REDIRECT, "code_verifier", pkce.verifier());

        assertOAuthError(stolen, 400, "invalid_grant");
        assertThat(exchange(CODE_PUBLIC, "code", code, "redirect_uri", CODE_PUBLIC_REDIRECT, "code_verifier", pkce.verifier())
                .status()).isEqualTo(200);
    }

    @Test
    void failedClientAuthenticationBurnsNothing() {
        String[] params = Authorize.params(CODE_LEGACY, CODE_LEGACY_REDIRECT, "read", "st", pkce);
        String code = assertCodeRedirect(browser.allowed(Authorize.uri(params), server.newUser()), 303,
                CODE_LEGACY_REDIRECT, "st").code();

        Reply wrongSecret = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", CODE_LEGACY_REDIRECT, "code_verifier", pkce.verifier()),
                "Authorization", CODE_LEGACY.basicWithSecret("not-the-secret-0123456789abcdefghijklmnopq"));

        assertOAuthError(wrongSecret, 401, "invalid_client");
        Reply right = exchange(CODE_LEGACY, "code", code, "redirect_uri", CODE_LEGACY_REDIRECT, "code_verifier", pkce.verifier());
        assertThat(right.status()).as(right.toString()).isEqualTo(200);
    }

    @Test
    void unknownCodeIsInvalidGrant() {
        assertOAuthError(exchange(CODE_PUBLIC, "code", "x".repeat(43), "redirect_uri", CODE_PUBLIC_REDIRECT,
                "code_verifier", pkce.verifier()), 400, "invalid_grant");
    }

    @Test
    void missingCodeIsInvalidRequest() {
        assertOAuthError(exchange(CODE_PUBLIC, "redirect_uri", CODE_PUBLIC_REDIRECT, "code_verifier", pkce.verifier()),
                400, "invalid_request");
    }
}

package dev.whosthat.oauth.adapter.http.token;

import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertOAuthError;
import static dev.whosthat.oauth.adapter.http.OAuthAssertions.scopeTokens;
import static dev.whosthat.oauth.adapter.http.TestServer.BASIC;
import static dev.whosthat.oauth.adapter.http.TestServer.POST;
import static dev.whosthat.oauth.adapter.http.TestServer.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RFC 6749 §6 with rotation and reuse detection (RFC 9700 §4.14.2) over HTTP. */
class RefreshTokenGrantTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static Reply refresh(String refreshToken, String... extra) {
        String[] params = new String[extra.length + 4];
        params[0] = "grant_type";
        params[1] = "refresh_token";
        params[2] = "refresh_token";
        params[3] = refreshToken;
        System.arraycopy(extra, 0, params, 4, extra.length);
        return server.token(BASIC, params);
    }

    @Test
    void refreshIssuesNewTokensAndRotatesTheRefreshToken() {
        Reply first = server.aliceTokens(BASIC);

        Reply second = refresh(first.text("refresh_token"));

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.header("Cache-Control")).hasValue("no-store");
        assertThat(second.text("token_type")).isEqualTo("Bearer");
        assertThat(second.json().path("expires_in").asLong()).isEqualTo(3600);
        assertThat(second.text("access_token")).hasSize(43).isNotEqualTo(first.text("access_token"));
        assertThat(second.text("refresh_token")).hasSize(43).isNotEqualTo(first.text("refresh_token"));
        assertThat(scopeTokens(second.text("scope"))).containsExactlyInAnyOrder("read", "write");
        assertThat(server.me(second.text("access_token")).text("username")).isEqualTo(TestServer.ALICE);
    }

    @Test
    void rotatedRefreshTokenChainsFurther() {
        Reply first = server.aliceTokens(BASIC);
        Reply second = refresh(first.text("refresh_token"));

        Reply third = refresh(second.text("refresh_token"));

        assertThat(third.status()).as(third.toString()).isEqualTo(200);
        assertThat(third.text("refresh_token")).isNotEqualTo(second.text("refresh_token"));
    }

    @Test
    void reusingARotatedRefreshTokenRevokesTheWholeGrant() {
        Reply first = server.aliceTokens(BASIC);
        Reply second = refresh(first.text("refresh_token"));
        assertThat(second.status()).isEqualTo(200);

        Reply reuse = refresh(first.text("refresh_token"));

        assertOAuthError(reuse, 400, "invalid_grant");
        // RFC 9700 §4.14.2: whoever holds the newest tokens may be the attacker, so they die too.
        assertOAuthError(refresh(second.text("refresh_token")), 400, "invalid_grant");
        Reply newestAccess = server.me(second.text("access_token"));
        assertThat(newestAccess.status()).isEqualTo(401);
        assertThat(newestAccess.header("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"invalid_token\""));
        assertThat(server.introspect(BASIC, second.text("refresh_token")).body()).isEqualTo("{\"active\":false}");
    }

    @Test
    void refreshMayNarrowTheScope() {
        Reply first = server.aliceTokens(BASIC);

        Reply narrowed = refresh(first.text("refresh_token"), "scope", "read");

        assertThat(narrowed.status()).as(narrowed.toString()).isEqualTo(200);
        assertThat(narrowed.json().has("scope")).isFalse();
        Reply introspection = server.introspect(BASIC, narrowed.text("access_token"));
        assertThat(introspection.json().path("active").asBoolean()).isTrue();
        assertThat(introspection.text("scope")).isEqualTo("read");
    }

    @Test
    void narrowedRefreshKeepsTheOriginalGrantScopeForLaterRefreshes() {
        Reply first = server.aliceTokens(BASIC);
        Reply narrowed = refresh(first.text("refresh_token"), "scope", "read");

        // §6: the scope may not exceed the one originally granted, which is still "read write".
        Reply widenedBack = refresh(narrowed.text("refresh_token"), "scope", "read write");

        assertThat(widenedBack.status()).as(widenedBack.toString()).isEqualTo(200);
    }

    @Test
    void refreshCannotWidenTheOriginallyGrantedScope() {
        Reply first = server.aliceTokens(BASIC, "scope", "read");

        Reply widened = refresh(first.text("refresh_token"), "scope", "read write");

        assertOAuthError(widened, 400, "invalid_scope");
        // The refused request did not use the refresh token up.
        assertThat(refresh(first.text("refresh_token")).status()).isEqualTo(200);
    }

    @Test
    void anotherClientsRefreshTokenIsInvalidGrant() {
        Reply postClients = server.aliceTokens(POST);

        Reply stolen = refresh(postClients.text("refresh_token"));

        assertOAuthError(stolen, 400, "invalid_grant");
    }

    @Test
    void publicClientCannotUseAConfidentialClientsRefreshToken() {
        Reply confidential = server.aliceTokens(BASIC);

        Reply stolen = server.token(PUBLIC, "grant_type", "refresh_token", "refresh_token", confidential.text("refresh_token"));

        assertOAuthError(stolen, 400, "invalid_grant");
        assertThat(refresh(confidential.text("refresh_token")).status()).isEqualTo(200);
    }

    @Test
    void unknownRefreshTokenIsInvalidGrant() {
        assertOAuthError(refresh("x".repeat(43)), 400, "invalid_grant");
    }

    @Test
    void refreshTokenThatCannotBeOursIsInvalidGrant() {
        assertOAuthError(refresh("not a token!"), 400, "invalid_grant");
    }

    @Test
    void accessTokenPresentedAsRefreshTokenIsInvalidGrant() {
        Reply first = server.aliceTokens(BASIC);

        assertOAuthError(refresh(first.text("access_token")), 400, "invalid_grant");
    }

    @Test
    void missingRefreshTokenIsInvalidRequest() {
        assertOAuthError(server.token(BASIC, "grant_type", "refresh_token"), 400, "invalid_request");
    }
}

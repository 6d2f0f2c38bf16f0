package dev.whosthat.oauth.adapter.http.token;

import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertOAuthError;
import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertUncachedJson;
import static dev.whosthat.oauth.adapter.http.OAuthAssertions.scopeTokens;
import static dev.whosthat.oauth.adapter.http.TestServer.BASIC;
import static dev.whosthat.oauth.adapter.http.TestServer.MACHINE;
import static dev.whosthat.oauth.adapter.http.TestServer.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RFC 6749 §4.4 and §5.1 over HTTP. */
class ClientCredentialsGrantTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    @Test
    void issuesBearerAccessTokenWithoutRefreshToken() {
        Reply reply = server.token(BASIC, "grant_type", "client_credentials");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertUncachedJson(reply);
        assertThat(reply.header("Content-Type")).hasValue("application/json;charset=UTF-8");
        assertThat(reply.header("Cache-Control")).hasValue("no-store");
        assertThat(reply.header("Pragma")).hasValue("no-cache");
        assertThat(reply.text("token_type")).isEqualTo("Bearer");
        assertThat(reply.json().path("expires_in").isIntegralNumber()).isTrue();
        assertThat(reply.json().path("expires_in").asLong()).isEqualTo(3600);
        // 256 random bits, base64url without padding.
        assertThat(reply.text("access_token")).matches("[A-Za-z0-9_-]{43}");
        // §4.4.3: a refresh token SHOULD NOT be included.
        assertThat(reply.json().has("refresh_token")).isFalse();
    }

    @Test
    void eachRequestGetsADifferentAccessToken() {
        assertThat(server.clientCredentialsToken(BASIC)).isNotEqualTo(server.clientCredentialsToken(BASIC));
    }

    @Test
    void statesTheGrantedScopeWhenNoneWasRequested() {
        Reply reply = server.token(BASIC, "grant_type", "client_credentials");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(scopeTokens(reply.text("scope"))).containsExactlyInAnyOrder("read", "write");
    }

    @Test
    void omitsScopeWhenExactlyTheRequestedScopeWasGranted() {
        Reply reply = server.token(BASIC, "grant_type", "client_credentials", "scope", "read write");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().has("scope")).as(reply.body()).isFalse();
    }

    @Test
    void grantsANarrowerRequestedScopeWithoutRestatingIt() {
        Reply reply = server.token(BASIC, "grant_type", "client_credentials", "scope", "read");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().has("scope")).isFalse();
        Reply introspection = server.introspect(BASIC, reply.text("access_token"));
        assertThat(introspection.text("scope")).isEqualTo("read");
    }

    @Test
    void scopeOutsideTheClientsRegistrationIsInvalidScope() {
        Reply reply = server.token(BASIC, "grant_type", "client_credentials", "scope", "read admin");

        assertOAuthError(reply, 400, "invalid_scope");
        assertThat(reply.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void malformedScopeIsInvalidScope() {
        // Two spaces leave an empty scope-token between them (RFC 6749 §3.3).
        Reply reply = server.token(BASIC, "grant_type", "client_credentials", "scope", "read  write");

        assertOAuthError(reply, 400, "invalid_scope");
    }

    @Test
    void scopeWithAQuoteIsInvalidScope() {
        Reply reply = server.token(BASIC, "grant_type", "client_credentials", "scope", "read \"write\"");

        assertOAuthError(reply, 400, "invalid_scope");
    }

    @Test
    void grantTypeNotRegisteredForTheClientIsUnauthorizedClient() {
        Reply reply = server.token(MACHINE,
                "grant_type", "password", "username", TestServer.ALICE, "password", TestServer.ALICE_PASSWORD);

        assertOAuthError(reply, 400, "unauthorized_client");
    }

    @Test
    void publicClientCannotUseClientCredentials() {
        Reply reply = server.token(PUBLIC, "grant_type", "client_credentials");

        assertOAuthError(reply, 400, "unauthorized_client");
    }

    @Test
    void issuedTokenOpensTheProtectedResource() {
        String token = server.clientCredentialsToken(MACHINE);

        Reply me = server.me(token);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("client_id")).isEqualTo(MACHINE.id());
        assertThat(me.text("sub")).isEqualTo(MACHINE.id());
        assertThat(me.text("scope")).isEqualTo("read");
    }
}

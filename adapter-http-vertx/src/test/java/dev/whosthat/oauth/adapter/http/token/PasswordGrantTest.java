package dev.whosthat.oauth.adapter.http.token;

import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertOAuthError;
import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertUncachedJson;
import static dev.whosthat.oauth.adapter.http.OAuthAssertions.scopeTokens;
import static dev.whosthat.oauth.adapter.http.TestServer.ALICE;
import static dev.whosthat.oauth.adapter.http.TestServer.ALICE_PASSWORD;
import static dev.whosthat.oauth.adapter.http.TestServer.BASIC;
import static dev.whosthat.oauth.adapter.http.TestServer.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Forms;
import dev.whosthat.oauth.adapter.http.OAuthRoutes;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RFC 6749 §4.3 over HTTP. */
class PasswordGrantTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    @Test
    void issuesAccessAndRefreshTokens() {
        Reply reply = server.token(BASIC, "grant_type", "password", "username", ALICE, "password", ALICE_PASSWORD);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertUncachedJson(reply);
        assertThat(reply.header("Pragma")).hasValue("no-cache");
        assertThat(reply.text("token_type")).isEqualTo("Bearer");
        assertThat(reply.json().path("expires_in").asLong()).isEqualTo(3600);
        assertThat(reply.text("access_token")).matches("[A-Za-z0-9_-]{43}");
        assertThat(reply.text("refresh_token")).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(reply.text("access_token"));
        assertThat(scopeTokens(reply.text("scope"))).containsExactlyInAnyOrder("read", "write");
    }

    @Test
    void accessTokenBelongsToTheResourceOwner() {
        String token = server.aliceTokens(BASIC, "scope", "read").text("access_token");

        Reply me = server.me(token);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo(ALICE);
        assertThat(me.text("client_id")).isEqualTo(BASIC.id());
        assertThat(me.text("sub")).isNotBlank().isNotEqualTo(BASIC.id()).isNotEqualTo(ALICE);
        assertThat(me.text("scope")).isEqualTo("read");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameInvalidGrant() {
        Reply wrongPassword = server.token(BASIC, "grant_type", "password", "username", ALICE, "password", "Tr0ub4dor&3");
        Reply unknownUser = server.token(BASIC, "grant_type", "password", "username", "mallory", "password", ALICE_PASSWORD);

        assertOAuthError(wrongPassword, 400, "invalid_grant");
        assertOAuthError(unknownUser, 400, "invalid_grant");
        // Nothing in the answer tells which of the two was wrong.
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownUser.headers().map()).containsOnlyKeys(wrongPassword.headers().map().keySet());
    }

    @Test
    void publicClientGetsTokensWithItsClientIdAlone() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "password",
                "username", ALICE, "password", ALICE_PASSWORD, "client_id", PUBLIC.id()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.text("refresh_token")).hasSize(43);
        assertThat(server.me(reply.text("access_token")).text("client_id")).isEqualTo(PUBLIC.id());
    }

    @Test
    void unknownPublicClientIsInvalidClient() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "password",
                "username", ALICE, "password", ALICE_PASSWORD, "client_id", "no-such-client"));

        assertOAuthError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).isPresent();
    }

    @Test
    void missingPasswordIsInvalidRequest() {
        assertOAuthError(server.token(BASIC, "grant_type", "password", "username", ALICE), 400, "invalid_request");
    }

    @Test
    void missingUsernameIsInvalidRequest() {
        assertOAuthError(server.token(BASIC, "grant_type", "password", "password", ALICE_PASSWORD), 400, "invalid_request");
    }

    @Test
    void scopeBeyondTheClientsIsInvalidScope() {
        Reply reply = server.token(BASIC, "grant_type", "password", "username", ALICE, "password", ALICE_PASSWORD,
                "scope", "read admin");

        assertOAuthError(reply, 400, "invalid_scope");
    }
}

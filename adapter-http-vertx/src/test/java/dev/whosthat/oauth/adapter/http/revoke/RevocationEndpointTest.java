package dev.whosthat.oauth.adapter.http.revoke;

import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertOAuthError;
import static dev.whosthat.oauth.adapter.http.TestServer.BASIC;
import static dev.whosthat.oauth.adapter.http.TestServer.MACHINE;
import static dev.whosthat.oauth.adapter.http.TestServer.POST;
import static dev.whosthat.oauth.adapter.http.TestServer.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Forms;
import dev.whosthat.oauth.adapter.http.OAuthRoutes;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RFC 7009 over HTTP. */
class RevocationEndpointTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static void assertRevokedAtResource(String accessToken) {
        Reply me = server.me(accessToken);
        assertThat(me.status()).as(me.toString()).isEqualTo(401);
        assertThat(me.header("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"invalid_token\""));
        assertThat(me.text("error")).isEqualTo("invalid_token");
    }

    @Test
    void revokingOwnAccessTokenEndsItsUse() {
        String token = server.clientCredentialsToken(BASIC);
        assertThat(server.me(token).status()).isEqualTo(200);

        Reply reply = server.revoke(BASIC, token);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
        assertThat(reply.header("Cache-Control")).hasValue("no-store");
        assertRevokedAtResource(token);
    }

    @Test
    void revokingRefreshTokenRevokesItsAccessTokensToo() {
        Reply tokens = server.aliceTokens(BASIC);

        Reply reply = server.authenticated(OAuthRoutes.REVOKE, BASIC,
                "token", tokens.text("refresh_token"), "token_type_hint", "refresh_token");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        // §2.1: the access tokens of the same grant go with it.
        assertRevokedAtResource(tokens.text("access_token"));
        Reply refresh = server.token(BASIC, "grant_type", "refresh_token", "refresh_token", tokens.text("refresh_token"));
        assertOAuthError(refresh, 400, "invalid_grant");
    }

    @Test
    void revokingRefreshTokenWithoutHintFindsIt() {
        Reply tokens = server.aliceTokens(BASIC);

        assertThat(server.revoke(BASIC, tokens.text("refresh_token")).status()).isEqualTo(200);

        assertRevokedAtResource(tokens.text("access_token"));
    }

    @Test
    void revokingAnAccessTokenLeavesItsRefreshTokenUsable() {
        Reply tokens = server.aliceTokens(BASIC);

        assertThat(server.revoke(BASIC, tokens.text("access_token")).status()).isEqualTo(200);

        assertRevokedAtResource(tokens.text("access_token"));
        Reply refresh = server.token(BASIC, "grant_type", "refresh_token", "refresh_token", tokens.text("refresh_token"));
        assertThat(refresh.status()).as(refresh.toString()).isEqualTo(200);
    }

    @Test
    void publicClientMayRevokeItsOwnTokens() {
        Reply tokens = server.aliceTokens(PUBLIC);

        Reply reply = server.postForm(OAuthRoutes.REVOKE, Forms.of("token", tokens.text("refresh_token"),
                "client_id", PUBLIC.id()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertRevokedAtResource(tokens.text("access_token"));
    }

    @Test
    void unknownTokenIsRevokedSuccessfully() {
        Reply reply = server.revoke(BASIC, "B".repeat(43));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void garbageTokenIsRevokedSuccessfully() {
        assertThat(server.revoke(BASIC, "no such thing!").status()).isEqualTo(200);
    }

    @Test
    void anotherClientsAccessTokenIsRefusedAndStaysValid() {
        String machineToken = server.clientCredentialsToken(MACHINE);

        Reply reply = server.revoke(POST, machineToken);

        assertOAuthError(reply, 400, "unauthorized_client");
        assertThat(server.me(machineToken).status()).isEqualTo(200);
    }

    @Test
    void anotherClientsRefreshTokenIsRefusedAndStaysValid() {
        Reply tokens = server.aliceTokens(POST);

        Reply reply = server.revoke(BASIC, tokens.text("refresh_token"));

        assertOAuthError(reply, 400, "unauthorized_client");
        assertThat(server.me(tokens.text("access_token")).status()).isEqualTo(200);
        Reply refresh = server.token(POST, "grant_type", "refresh_token", "refresh_token", tokens.text("refresh_token"));
        assertThat(refresh.status()).as(refresh.toString()).isEqualTo(200);
    }

    @Test
    void missingTokenIsInvalidRequest() {
        assertOAuthError(server.authenticated(OAuthRoutes.REVOKE, BASIC), 400, "invalid_request");
    }

    @Test
    void wrongCredentialsAreInvalidClientAndRevokeNothing() {
        String token = server.clientCredentialsToken(BASIC);

        Reply reply = server.postForm(OAuthRoutes.REVOKE, Forms.of("token", token),
                "Authorization", BASIC.basicWithSecret("not-the-secret-0123456789abcdefghijklmnop"));

        assertOAuthError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).isPresent();
        assertThat(server.me(token).status()).isEqualTo(200);
    }

    @Test
    void getIsMethodNotAllowed() {
        Reply reply = server.get(OAuthRoutes.REVOKE);

        assertOAuthError(reply, 405, "invalid_request");
        assertThat(reply.header("Allow")).hasValue("POST");
    }
}

package dev.whosthat.oauth.adapter.http.introspect;

import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertOAuthError;
import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertUncachedJson;
import static dev.whosthat.oauth.adapter.http.OAuthAssertions.scopeTokens;
import static dev.whosthat.oauth.adapter.http.TestServer.ALICE;
import static dev.whosthat.oauth.adapter.http.TestServer.BASIC;
import static dev.whosthat.oauth.adapter.http.TestServer.MACHINE;
import static dev.whosthat.oauth.adapter.http.TestServer.POST;
import static dev.whosthat.oauth.adapter.http.TestServer.PUBLIC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whosthat.oauth.adapter.http.Forms;
import dev.whosthat.oauth.adapter.http.OAuthRoutes;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 7662 over HTTP. */
class IntrospectionEndpointTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final String INACTIVE = "{\"active\":false}";

    @Test
    void activeUserAccessTokenIsDescribed() {
        long before = Instant.now().getEpochSecond();
        Reply tokens = server.aliceTokens(BASIC);
        String sub = server.me(tokens.text("access_token")).text("sub");

        Reply reply = server.introspect(MACHINE, tokens.text("access_token"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertUncachedJson(reply);
        JsonNode json = reply.json();
        assertThat(json.path("active").isBoolean()).isTrue();
        assertThat(json.path("active").asBoolean()).isTrue();
        assertThat(scopeTokens(reply.text("scope"))).containsExactlyInAnyOrder("read", "write");
        assertThat(reply.text("client_id")).isEqualTo(BASIC.id());
        assertThat(reply.text("username")).isEqualTo(ALICE);
        assertThat(reply.text("token_type")).isEqualTo("Bearer");
        assertThat(reply.text("sub")).isEqualTo(sub);
        assertThat(reply.text("iss")).isEqualTo(TestServer.ISSUER);
        long iat = json.path("iat").asLong();
        assertThat(json.path("iat").isIntegralNumber()).isTrue();
        assertThat(iat).isBetween(before - 1, Instant.now().getEpochSecond() + 1);
        assertThat(json.path("exp").isIntegralNumber()).isTrue();
        assertThat(json.path("exp").asLong()).isEqualTo(iat + 3600);
    }

    @Test
    void clientCredentialsTokenHasTheClientAsSubjectAndNoUsername() {
        String token = server.clientCredentialsToken(MACHINE);

        Reply reply = server.introspect(BASIC, token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("active").asBoolean()).isTrue();
        assertThat(reply.text("sub")).isEqualTo(MACHINE.id());
        assertThat(reply.text("client_id")).isEqualTo(MACHINE.id());
        assertThat(reply.json().has("username")).isFalse();
        assertThat(reply.text("scope")).isEqualTo("read");
    }

    @Test
    void clientSecretPostClientMayIntrospect() {
        String token = server.clientCredentialsToken(MACHINE);

        Reply reply = server.introspect(POST, token);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().path("active").asBoolean()).isTrue();
    }

    @Test
    void unknownTokenIsJustInactive() {
        Reply reply = server.introspect(BASIC, "A".repeat(43));

        assertThat(reply.status()).isEqualTo(200);
        assertUncachedJson(reply);
        assertThat(reply.body()).isEqualTo(INACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a token at all", "====", "<script>", "\u00e9t\u00e9"})
    void garbageTokenIsJustInactive(String garbage) {
        Reply reply = server.introspect(BASIC, garbage);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(INACTIVE);
    }

    @Test
    void overlongTokenIsJustInactive() {
        assertThat(server.introspect(BASIC, "a".repeat(5000)).body()).isEqualTo(INACTIVE);
    }

    @Test
    void revokedTokenIsJustInactive() {
        String token = server.clientCredentialsToken(BASIC);
        assertThat(server.revoke(BASIC, token).status()).isEqualTo(200);

        Reply reply = server.introspect(BASIC, token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo(INACTIVE);
    }

    @Test
    void activeRefreshTokenIsDescribedWithHint() {
        Reply tokens = server.aliceTokens(BASIC);

        Reply reply = server.authenticated(OAuthRoutes.INTROSPECT, BASIC,
                "token", tokens.text("refresh_token"), "token_type_hint", "refresh_token");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("active").asBoolean()).isTrue();
        assertThat(reply.text("username")).isEqualTo(ALICE);
        assertThat(reply.text("client_id")).isEqualTo(BASIC.id());
    }

    @Test
    void wrongHintStillFindsTheToken() {
        String token = server.clientCredentialsToken(BASIC);

        Reply reply = server.authenticated(OAuthRoutes.INTROSPECT, BASIC,
                "token", token, "token_type_hint", "refresh_token");

        assertThat(reply.json().path("active").asBoolean()).isTrue();
        assertThat(reply.text("token_type")).isEqualTo("Bearer");
    }

    @Test
    void missingTokenIsInvalidRequest() {
        Reply reply = server.authenticated(OAuthRoutes.INTROSPECT, BASIC);

        assertOAuthError(reply, 400, "invalid_request");
    }

    @Test
    void publicClientMayNotIntrospect() {
        String token = server.clientCredentialsToken(BASIC);

        Reply reply = server.postForm(OAuthRoutes.INTROSPECT, Forms.of("token", token, "client_id", PUBLIC.id()));

        assertOAuthError(reply, 401, "invalid_client");
        assertThat(reply.json().has("active")).isFalse();
    }

    @Test
    void wrongCredentialsAreInvalidClientWithBasicChallenge() {
        String token = server.clientCredentialsToken(BASIC);

        Reply reply = server.postForm(OAuthRoutes.INTROSPECT, Forms.of("token", token),
                "Authorization", BASIC.basicWithSecret("not-the-secret-0123456789abcdefghijklmnop"));

        assertOAuthError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Basic realm=\"" + TestServer.REALM + "\""));
        assertThat(reply.json().has("active")).isFalse();
    }

    @Test
    void noCredentialsAreInvalidClient() {
        String token = server.clientCredentialsToken(BASIC);

        Reply reply = server.postForm(OAuthRoutes.INTROSPECT, Forms.of("token", token));

        assertOAuthError(reply, 401, "invalid_client");
    }

    @Test
    void getIsMethodNotAllowed() {
        Reply reply = server.get(OAuthRoutes.INTROSPECT, "Authorization", BASIC.basic());

        assertOAuthError(reply, 405, "invalid_request");
        assertThat(reply.header("Allow")).hasValue("POST");
    }
}

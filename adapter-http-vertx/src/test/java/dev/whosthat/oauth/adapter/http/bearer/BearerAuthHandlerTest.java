package dev.whosthat.oauth.adapter.http.bearer;

import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertOAuthError;
import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertUncachedJson;
import static dev.whosthat.oauth.adapter.http.OAuthAssertions.scopeTokens;
import static dev.whosthat.oauth.adapter.http.TestServer.BASIC;
import static dev.whosthat.oauth.adapter.http.TestServer.MACHINE;
import static dev.whosthat.oauth.adapter.http.TestServer.REALM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Forms;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RFC 6750 on the demo resources and on the test-only protected routes. */
class BearerAuthHandlerTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final String CHALLENGE = "Bearer realm=\"" + REALM + "\"";

    @Test
    void validTokenReachesTheResource() {
        String token = server.clientCredentialsToken(BASIC);

        Reply reply = server.me(token);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertUncachedJson(reply);
        assertThat(reply.text("sub")).isEqualTo(BASIC.id());
        assertThat(reply.text("client_id")).isEqualTo(BASIC.id());
        assertThat(scopeTokens(reply.text("scope"))).containsExactlyInAnyOrder("read", "write");
        assertThat(reply.json().path("exp").isIntegralNumber()).isTrue();
        assertThat(reply.json().path("exp").asLong())
                .isBetween(Instant.now().getEpochSecond() + 3500, Instant.now().getEpochSecond() + 3601);
        assertThat(reply.json().has("username")).isFalse();
    }

    @Test
    void aMalformedQueryIsInvalidRequestNotAServerFault() throws IOException {
        String token = server.clientCredentialsToken(BASIC);

        String response = rawGet("/api/me?x=%zz", "Authorization: Bearer " + token);

        assertThat(response).startsWith("HTTP/1.1 400").contains("error=\"invalid_request\"").contains("\"invalid_request\"");
    }

    @Test
    void aTokenInAMalformedQueryIsRefusedWithoutAServerFault() throws IOException {
        String response = rawGet("/api/me?access_token=" + server.clientCredentialsToken(BASIC) + "&x=%");

        assertThat(response).startsWith("HTTP/1.1 400").contains("\"invalid_request\"");
    }

    /** The JDK client refuses to send a malformed URI, so these go over a plain socket. */
    private static String rawGet(String pathAndQuery, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            StringBuilder request = new StringBuilder("GET ").append(pathAndQuery).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("Connection: close\r\n\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void schemeNameIsCaseInsensitive() {
        String token = server.clientCredentialsToken(BASIC);

        Reply reply = server.get("/api/me", "Authorization", "bearer " + token);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void requestWithoutTokenGetsAChallengeWithoutErrorCode() {
        Reply reply = server.get("/api/me");

        assertThat(reply.status()).isEqualTo(401);
        // §3.1: no error attribute when the request carried no authentication at all.
        assertThat(reply.header("WWW-Authenticate")).hasValue(CHALLENGE);
        assertUncachedJson(reply);
        assertThat(reply.json().has("error")).isFalse();
    }

    @Test
    void otherAuthenticationSchemeGetsAChallengeWithoutErrorCode() {
        Reply reply = server.get("/api/me", "Authorization", BASIC.basic());

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).hasValue(CHALLENGE);
    }

    @Test
    void unknownTokenIsInvalidToken() {
        Reply reply = server.me("C".repeat(43));

        assertOAuthError(reply, 401, "invalid_token");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .startsWith(CHALLENGE)
                .contains("error=\"invalid_token\"")
                .contains("error_description=\""));
    }

    @Test
    void malformedTokenIsInvalidToken() {
        Reply reply = server.get("/api/me", "Authorization", "Bearer not!a!token");

        assertOAuthError(reply, 401, "invalid_token");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"invalid_token\""));
    }

    @Test
    void tokenInTheQueryStringIsRefused() {
        String token = server.clientCredentialsToken(BASIC);

        Reply reply = server.get("/api/me?access_token=" + token);

        // §2.3 and RFC 9700 §4.3.2: a URI leaks through logs and referrers, so this server never reads it.
        assertOAuthError(reply, 400, "invalid_request");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).contains("error=\"invalid_request\""));
    }

    @Test
    void tokenInTheQueryStringIsRefusedEvenWithAValidHeader() {
        String token = server.clientCredentialsToken(BASIC);

        Reply reply = server.get("/api/me?access_token=" + token, "Authorization", "Bearer " + token);

        assertOAuthError(reply, 400, "invalid_request");
    }

    @Test
    void tokenWithoutTheRequiredScopeIsInsufficientScope() {
        String token = server.clientCredentialsToken(BASIC);

        Reply reply = server.get(TestServer.ADMIN_ROUTE, "Authorization", "Bearer " + token);

        assertOAuthError(reply, 403, "insufficient_scope");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge)
                .startsWith(CHALLENGE)
                .contains("error=\"insufficient_scope\"")
                .contains("scope=\"admin\""));
    }

    @Test
    void unknownTokenOnAScopedRouteIsInvalidTokenNotInsufficientScope() {
        Reply reply = server.get(TestServer.ADMIN_ROUTE, "Authorization", "Bearer " + "D".repeat(43));

        assertOAuthError(reply, 401, "invalid_token");
    }

    @Test
    void tokenInAFormBodyIsAccepted() {
        String token = server.clientCredentialsToken(MACHINE);

        Reply reply = server.postForm(TestServer.FORM_ROUTE, Forms.of("access_token", token, "note", "hello"));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.text("client_id")).isEqualTo(MACHINE.id());
    }

    @Test
    void tokenInHeaderOnTheFormRouteIsAccepted() {
        String token = server.clientCredentialsToken(MACHINE);

        Reply reply = server.postForm(TestServer.FORM_ROUTE, Forms.of("note", "hello"), "Authorization", "Bearer " + token);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.text("client_id")).isEqualTo(MACHINE.id());
    }

    @Test
    void tokenInHeaderAndBodyIsInvalidRequest() {
        String token = server.clientCredentialsToken(MACHINE);

        Reply reply = server.postForm(TestServer.FORM_ROUTE, Forms.of("access_token", token),
                "Authorization", "Bearer " + token);

        // §2: clients MUST NOT use more than one method to transmit the token in each request.
        assertOAuthError(reply, 400, "invalid_request");
    }

    @Test
    void formRouteWithoutTokenGetsAChallenge() {
        Reply reply = server.postForm(TestServer.FORM_ROUTE, Forms.of("note", "hello"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).hasValue(CHALLENGE);
    }

    @Test
    void revokedTokenIsInvalidToken() {
        String token = server.clientCredentialsToken(BASIC);
        server.revoke(BASIC, token);

        assertOAuthError(server.me(token), 401, "invalid_token");
    }

    @Test
    void unprotectedResourceNeedsNoToken() {
        Reply reply = server.get("/api/hello");

        assertThat(reply.status()).isEqualTo(200);
        assertUncachedJson(reply);
        assertThat(reply.text("message")).isNotBlank();
        assertThat(reply.header("WWW-Authenticate")).isEmpty();
    }
}

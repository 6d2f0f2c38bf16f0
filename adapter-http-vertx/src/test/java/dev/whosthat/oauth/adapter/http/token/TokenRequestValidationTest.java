package dev.whosthat.oauth.adapter.http.token;

import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertOAuthError;
import static dev.whosthat.oauth.adapter.http.TestServer.BASIC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.OAuthRoutes;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6749 §3.2 and §5.2: what a token request must look like before any grant is considered. */
class TokenRequestValidationTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private Reply tokenRequest(String rawBody) {
        return server.postForm(OAuthRoutes.TOKEN, rawBody, "Authorization", BASIC.basic());
    }

    @Test
    void getIsMethodNotAllowedWithAllowHeader() {
        Reply reply = server.get(OAuthRoutes.TOKEN + "?grant_type=client_credentials", "Authorization", BASIC.basic());

        assertOAuthError(reply, 405, "invalid_request");
        assertThat(reply.header("Allow")).hasValue("POST");
    }

    @Test
    void putIsMethodNotAllowedWithAllowHeader() {
        Reply reply = server.send(server.request(OAuthRoutes.TOKEN)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build());

        assertOAuthError(reply, 405, "invalid_request");
        assertThat(reply.header("Allow")).hasValue("POST");
    }

    @Test
    void jsonBodyIsInvalidRequest() {
        Reply reply = server.send(server.request(OAuthRoutes.TOKEN)
                .header("Authorization", BASIC.basic())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"))
                .build());

        assertOAuthError(reply, 400, "invalid_request");
    }

    @Test
    void bodyWithoutContentTypeIsInvalidRequest() {
        Reply reply = server.send(server.request(OAuthRoutes.TOKEN)
                .header("Authorization", BASIC.basic())
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build());

        assertOAuthError(reply, 400, "invalid_request");
    }

    @Test
    void formContentTypeWithCharsetParameterIsAccepted() {
        Reply reply = server.send(server.request(OAuthRoutes.TOKEN)
                .header("Authorization", BASIC.basic())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void missingGrantTypeIsInvalidRequest() {
        assertOAuthError(tokenRequest("scope=read"), 400, "invalid_request");
    }

    @Test
    void emptyGrantTypeCountsAsMissing() {
        // §3.1: parameters sent without a value are treated as omitted.
        assertOAuthError(tokenRequest("grant_type="), 400, "invalid_request");
    }

    @Test
    void emptyBodyIsInvalidRequest() {
        assertOAuthError(tokenRequest(""), 400, "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"grant_type=implicit", "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer",
            "grant_type=CLIENT_CREDENTIALS", "grant_type=client_credentials%20"})
    void unknownGrantTypeIsUnsupportedGrantType(String body) {
        assertOAuthError(tokenRequest(body), 400, "unsupported_grant_type");
    }

    @Test
    void authorizationCodeGrantForAClientNotRegisteredForItIsUnauthorizedClient() {
        // The grant type is served, but this client was registered without it.
        Reply reply = tokenRequest("grant_type=authorization_code&code=" + "c".repeat(43)
                + "&redirect_uri=https%3A%2F%2Fclient.example%2Fcb&code_verifier=" + "v".repeat(43));

        assertOAuthError(reply, 400, "unauthorized_client");
    }

    @Test
    void repeatedParameterIsInvalidRequest() {
        // §3.2: request and response parameters MUST NOT be included more than once.
        Reply reply = tokenRequest("grant_type=client_credentials&scope=read&scope=write");

        assertOAuthError(reply, 400, "invalid_request");
        assertThat(reply.text("error_description")).contains("scope");
    }

    @Test
    void emptyPairsAndANameWithoutValueAreSkipped() {
        // "scope" alone has no value, which §3.1 says counts as omitted: the client's whole scope is granted.
        Reply reply = tokenRequest("&&grant_type=client_credentials&&scope&");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.text("access_token")).hasSize(43);
    }

    @Test
    void repeatedGrantTypeIsInvalidRequest() {
        assertOAuthError(tokenRequest("grant_type=client_credentials&grant_type=password"), 400, "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"grant_type=client_credentials&scope=%zz", "grant_type=client_credentials&scope=%",
            "grant_type=client_credentials&scope=read%2", "grant_type=client_credentials&scope=%C3%28",
            "grant_type%=client_credentials"})
    void malformedPercentEncodingIsInvalidRequest(String body) {
        assertOAuthError(tokenRequest(body), 400, "invalid_request");
    }

    @Test
    void bodyOverTheLimitIsRefusedWith413AndTheServerKeepsServing() {
        String body = "grant_type=client_credentials&padding=" + "a".repeat(17 * 1024);

        Reply tooLarge = tokenRequest(body);

        assertOAuthError(tooLarge, 413, "invalid_request");
        Reply next = tokenRequest("grant_type=client_credentials");
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
    }

    @Test
    void streamedBodyOverTheLimitWithoutContentLengthIsRefusedWith413() {
        byte[] body = ("grant_type=client_credentials&padding=" + "a".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII);

        // An input stream publisher has no known length, so the body goes out chunked.
        Reply tooLarge = server.send(server.request(OAuthRoutes.TOKEN)
                .header("Authorization", BASIC.basic())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build());

        assertOAuthError(tooLarge, 413, "invalid_request");
        assertThat(tokenRequest("grant_type=client_credentials").status()).isEqualTo(200);
    }

    @Test
    void bodyJustUnderTheLimitIsRead() {
        String prefix = "grant_type=client_credentials&padding=";
        String body = prefix + "a".repeat(16 * 1024 - prefix.length());

        Reply reply = tokenRequest(body);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }
}

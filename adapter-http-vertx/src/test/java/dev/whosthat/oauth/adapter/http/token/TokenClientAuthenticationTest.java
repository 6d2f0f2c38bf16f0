package dev.whosthat.oauth.adapter.http.token;

import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertOAuthError;
import static dev.whosthat.oauth.adapter.http.TestServer.BASIC;
import static dev.whosthat.oauth.adapter.http.TestServer.POST;
import static dev.whosthat.oauth.adapter.http.TestServer.WEIRD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Forms;
import dev.whosthat.oauth.adapter.http.OAuthRoutes;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RFC 6749 §2.3 and §5.2 at the token endpoint. */
class TokenClientAuthenticationTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final String BASIC_CHALLENGE = "Basic realm=\"" + TestServer.REALM + "\"";

    @Test
    void clientSecretPostAuthenticates() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials",
                "client_id", POST.id(), "client_secret", POST.secret().orElseThrow()));

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.text("access_token")).hasSize(43);
        assertThat(server.me(reply.text("access_token")).text("client_id")).isEqualTo(POST.id());
    }

    @Test
    void basicCredentialsAreFormDecodedBeforeComparison() {
        // "weird id:1" and a secret with '%', '+', ':' and a space only survive if both sides form-encode (§2.3.1).
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials"),
                "Authorization", WEIRD.basic());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(server.me(reply.text("access_token")).text("client_id")).isEqualTo(WEIRD.id());
    }

    @Test
    void basicCredentialsSentWithoutFormEncodingDoNotMatch() {
        // The raw secret holds "%41", which decodes to "A": a client that skips the encoding is refused.
        String raw = WEIRD.id() + ":" + WEIRD.secret().orElseThrow();
        String header = "Basic " + Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8));

        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials"),
                "Authorization", header);

        assertOAuthError(reply, 401, "invalid_client");
    }

    @Test
    void wrongSecretWithBasicIsInvalidClientWithBasicChallenge() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials"),
                "Authorization", BASIC.basicWithSecret("not-the-secret-0123456789abcdefghijklmnop"));

        assertOAuthError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith(BASIC_CHALLENGE));
    }

    @Test
    void unknownClientWithBasicIsInvalidClientWithBasicChallenge() {
        String header = "Basic " + Base64.getEncoder().encodeToString(
                "nobody:nothing-0123456789abcdefghijklmnopqrstu".getBytes(StandardCharsets.UTF_8));

        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials"),
                "Authorization", header);

        assertOAuthError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith(BASIC_CHALLENGE));
    }

    @Test
    void basicHeaderThatIsNotBase64IsInvalidClient() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials"),
                "Authorization", "Basic %%%not-base64%%%");

        assertOAuthError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).isPresent();
    }

    @Test
    void spacesAroundTheBasicValueAreIgnored() {
        String credentials = BASIC.basic().substring("Basic ".length());

        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials"),
                "Authorization", "Basic    " + credentials + "  ");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(server.me(reply.text("access_token")).text("client_id")).isEqualTo(BASIC.id());
    }

    @Test
    void basicValueWithoutAColonIsInvalidClient() {
        String header = "Basic " + Base64.getEncoder().encodeToString(
                (BASIC.id() + BASIC.secret().orElseThrow()).getBytes(StandardCharsets.UTF_8));

        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials"),
                "Authorization", header);

        assertOAuthError(reply, 401, "invalid_client");
    }

    @Test
    void wrongSecretViaPostIsInvalidClientWithABasicChallengeAsEvery401Needs() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials",
                "client_id", POST.id(), "client_secret", "not-the-secret-0123456789abcdefghijklmnop"));

        assertOAuthError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm="));
    }

    @Test
    void clientRegisteredForBasicCannotAuthenticateViaPost() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials",
                "client_id", BASIC.id(), "client_secret", BASIC.secret().orElseThrow()));

        assertOAuthError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).isPresent();
    }

    @Test
    void clientRegisteredForPostCannotAuthenticateViaBasic() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials"),
                "Authorization", POST.basic());

        assertOAuthError(reply, 401, "invalid_client");
        assertThat(reply.header("WWW-Authenticate")).isPresent();
    }

    @Test
    void confidentialClientNamingItselfWithoutSecretIsInvalidClient() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials",
                "client_id", BASIC.id()));

        assertOAuthError(reply, 401, "invalid_client");
    }

    @Test
    void requestWithoutCredentialsIsInvalidClient() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials"));

        assertOAuthError(reply, 401, "invalid_client");
    }

    @Test
    void basicTogetherWithSecretInBodyIsInvalidRequest() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials",
                "client_secret", BASIC.secret().orElseThrow()), "Authorization", BASIC.basic());

        assertOAuthError(reply, 400, "invalid_request");
        assertThat(reply.header("WWW-Authenticate")).isEmpty();
    }

    @Test
    void basicWithMatchingClientIdInBodyAuthenticates() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials",
                "client_id", BASIC.id()), "Authorization", BASIC.basic());

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    }

    @Test
    void basicWithAnotherClientIdInBodyIsInvalidRequest() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, Forms.of("grant_type", "client_credentials",
                "client_id", POST.id()), "Authorization", BASIC.basic());

        assertOAuthError(reply, 400, "invalid_request");
    }
}

package dev.whosthat.oauth.adapter.http.metadata;

import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertOAuthError;
import static dev.whosthat.oauth.adapter.http.TestServer.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whosthat.oauth.adapter.http.OAuthRoutes;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** RFC 8414 over HTTP. */
class MetadataEndpointTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static List<String> strings(JsonNode array) {
        assertThat(array.isArray()).as(String.valueOf(array)).isTrue();
        List<String> values = new ArrayList<>();
        array.forEach(element -> values.add(element.asText()));
        return values;
    }

    @Test
    void describesTheServerUnderTheWellKnownPath() {
        Reply reply = server.get(OAuthRoutes.METADATA);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode json = reply.json();
        // §3.3: the issuer must be identical to the one the client used to build the URL.
        assertThat(reply.text("issuer")).isEqualTo(ISSUER);
        assertThat(reply.text("token_endpoint")).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(reply.text("introspection_endpoint")).isEqualTo(ISSUER + "/oauth2/introspect");
        assertThat(reply.text("revocation_endpoint")).isEqualTo(ISSUER + "/oauth2/revoke");
        for (String endpoint : List.of("authorization_endpoint", "token_endpoint", "introspection_endpoint",
                "revocation_endpoint")) {
            assertThat(URI.create(reply.text(endpoint)).isAbsolute()).as(endpoint).isTrue();
        }
        assertThat(reply.text("authorization_endpoint")).isEqualTo(ISSUER + "/oauth2/authorize");
        assertThat(strings(json.path("grant_types_supported")))
                .containsExactlyInAnyOrder("authorization_code", "client_credentials", "password", "refresh_token");
        assertThat(strings(json.path("response_types_supported"))).containsExactly("code");
        assertThat(strings(json.path("code_challenge_methods_supported"))).containsExactly("S256");
        assertThat(strings(json.path("token_endpoint_auth_methods_supported")))
                .containsExactlyInAnyOrder("client_secret_basic", "client_secret_post", "none");
        assertThat(strings(json.path("scopes_supported"))).containsExactly("read", "write");
        assertThat(strings(json.path("introspection_endpoint_auth_methods_supported")))
                .containsExactlyInAnyOrder("client_secret_basic", "client_secret_post");
    }

    @Test
    void mayBeCachedBriefly() {
        Reply reply = server.get(OAuthRoutes.METADATA);

        assertThat(reply.header("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache)
                .contains("max-age")
                .doesNotContain("no-store"));
    }

    @Test
    void advertisedTokenEndpointIsTheOneServed() {
        String path = URI.create(server.get(OAuthRoutes.METADATA).text("token_endpoint")).getPath();

        Reply reply = server.token(TestServer.BASIC, "grant_type", "client_credentials");

        assertThat(path).isEqualTo(OAuthRoutes.TOKEN);
        assertThat(reply.status()).isEqualTo(200);
    }

    @Test
    void postIsMethodNotAllowed() {
        Reply reply = server.send(server.request(OAuthRoutes.METADATA)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        assertOAuthError(reply, 405, "invalid_request");
        assertThat(reply.header("Allow")).hasValue("GET");
    }
}

package dev.whosthat.oauth.adapter.http;

import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertOAuthError;
import static dev.whosthat.oauth.adapter.http.TestServer.BASIC;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server also speaks HTTP/2 over cleartext (h2c upgrade), which the JDK client tries by
 * default: the endpoints must behave the same there, within HTTP/2's own rules.
 */
class Http2CleartextTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static HttpClient h2;

    @BeforeAll
    static void createClient() {
        h2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        return h2.sendAsync(request, HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS);
    }

    private static HttpRequest tokenRequest(String body) {
        return server.request(OAuthRoutes.TOKEN)
                .header("Authorization", BASIC.basic())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static Reply reply(HttpResponse<String> response) {
        return new Reply(response.statusCode(), response.headers(), response.body());
    }

    @Test
    void tokenRequestWorksOverHttp2() throws Exception {
        // The first request upgrades the connection; the second one is HTTP/2 from the start.
        send(server.request("/api/hello").GET().build());

        HttpResponse<String> response = send(tokenRequest("grant_type=client_credentials"));

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("cache-control")).hasValue("no-store");
        assertThat(reply(response).text("access_token")).hasSize(43);
    }

    @Test
    void bodyOverTheLimitOverHttp2Is413WithoutConnectionSpecificHeaders() throws Exception {
        send(server.request("/api/hello").GET().build());

        HttpResponse<String> tooLarge = send(tokenRequest("grant_type=client_credentials&padding=" + "a".repeat(20_000)));

        assertThat(tooLarge.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertOAuthError(reply(tooLarge), 413, "invalid_request");
        // RFC 9113 §8.2.2: a response with a Connection header is malformed in HTTP/2.
        assertThat(tooLarge.headers().firstValue("connection")).isEmpty();
        HttpResponse<String> next = send(tokenRequest("grant_type=client_credentials"));
        assertThat(next.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @Test
    void bearerChallengeWorksOverHttp2() throws Exception {
        send(server.request("/api/hello").GET().build());

        HttpResponse<String> response = send(server.request("/api/me").GET().build());

        assertThat(response.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate")).hasValue("Bearer realm=\"" + TestServer.REALM + "\"");
    }
}

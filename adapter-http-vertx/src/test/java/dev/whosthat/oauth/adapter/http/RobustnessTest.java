package dev.whosthat.oauth.adapter.http;

import static dev.whosthat.oauth.adapter.http.OAuthAssertions.assertOAuthError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What the server does with requests no OAuth client would send. */
class RobustnessTest {

    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final String BASIC = TestServer.BASIC.basic();

    static Stream<Arguments> garbage() {
        return Stream.of(
                Arguments.of("binary noise", "\u0000\u0001\u0002\u00ff\u00fe garbage \u0007\r\n\r\n"),
                Arguments.of("TLS handshake on the plain port",
                        "\u0016\u0003\u0001\u0000\u00a5\u0001\u0000\u0000\u00a1\u0003\u0003\r\n\r\n"),
                Arguments.of("header line without colon",
                        "GET /api/hello HTTP/1.1\r\nHost: 127.0.0.1\r\nthis is not a header\r\n\r\n"),
                Arguments.of("non-numeric Content-Length",
                        "POST /oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: banana\r\n\r\n"),
                Arguments.of("negative Content-Length",
                        "POST /oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n"),
                Arguments.of("bad chunk size in a form body",
                        "POST /oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + BASIC + "\r\n"
                                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                                + "zz\r\ngrant_type=client_credentials\r\n0\r\n\r\n"),
                Arguments.of("request line far too long",
                        "GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"),
                Arguments.of("header far too long",
                        "GET /api/hello HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: " + "b".repeat(20_000) + "\r\n\r\n"),
                Arguments.of("unknown method on the token endpoint",
                        "BREW /oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"),
                Arguments.of("absolute URI of another host",
                        "GET http://evil.example/api/hello HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n"),
                Arguments.of("request line with spaces in the path",
                        "GET /api/ hello HTTP/1.1 extra\r\nHost: 127.0.0.1\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("garbage")
    void garbageOnTheSocketNeverGetsAServerError(String description, String request) throws IOException {
        RawReply reply = exchange(request);

        String response = reply.response();
        assertThat(reply.closedByServer()).as(description + ": connection left open").isTrue();
        if (!response.isEmpty()) {
            assertThat(response).as(description).startsWith("HTTP/1.");
            int status = Integer.parseInt(response.substring(9, 12));
            assertThat(status).as(description + ": " + firstLine(response)).isBetween(200, 499);
            assertThat(response).as(description).doesNotContain("Exception").doesNotContain("\tat ");
        }
        Reply next = server.get("/api/hello");
        assertThat(next.status()).as("server still answers after " + description).isEqualTo(200);
    }

    @Test
    void garbageAfterAnAnsweredRequestOnTheSameConnectionIsNotAServerError() throws IOException {
        RawReply reply = exchange("GET /api/hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                + "\u0000\u0000 nonsense \u0001\r\n\r\n");

        String response = reply.response();
        assertThat(response).startsWith("HTTP/1.1 200");
        assertThat(reply.closedByServer()).isTrue();
        assertThat(response).doesNotContainPattern("HTTP/1\\.[01] 5");
        assertThat(server.get("/api/hello").status()).isEqualTo(200);
    }

    @Test
    void unknownPathIsJson404() {
        Reply reply = server.get("/no/such/path");

        assertOAuthError(reply, 404, "invalid_request");
        assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void unknownPathWithPostIsJson404() {
        Reply reply = server.postForm("/oauth2/tokens", "grant_type=client_credentials", "Authorization", BASIC);

        assertOAuthError(reply, 404, "invalid_request");
    }

    @Test
    void tokenEndpointWithTrailingPathSegmentIsNotTheTokenEndpoint() {
        Reply reply = server.postForm("/oauth2/token/extra", "grant_type=client_credentials", "Authorization", BASIC);

        assertThat(reply.status()).isIn(404, 405);
    }

    @Test
    void invalidUtf8InTheFormIsInvalidRequest() {
        Reply reply = server.send(server.request(OAuthRoutes.TOKEN)
                .header("Authorization", BASIC)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[] {
                        'g', 'r', 'a', 'n', 't', '_', 't', 'y', 'p', 'e', '=', (byte) 0xC3, (byte) 0x28}))
                .build());

        assertOAuthError(reply, 400, "invalid_request");
    }

    @Test
    void nonAsciiParameterNameDoesNotLeakIntoTheErrorDescription() {
        Reply reply = server.postForm(OAuthRoutes.TOKEN, "%E2%9C%93=1&%E2%9C%93=2", "Authorization", BASIC);

        assertOAuthError(reply, 400, "invalid_request");
        assertThat(reply.text("error_description")).matches("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]+");
    }

    @Test
    void declaredContentLengthOverTheLimitIsRefusedAndTheConnectionClosed() throws IOException {
        // Only the first bytes of the announced gigabyte are ever sent.
        RawReply reply = exchange("POST /oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + BASIC + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000000000\r\n\r\n"
                + "grant_type=client_credentials");

        assertThat(reply.response()).startsWith("HTTP/1.1 413 ");
        assertThat(reply.response()).containsIgnoringCase("\r\nconnection: close\r\n");
        assertThat(reply.response()).contains("\"error\":\"invalid_request\"");
        // RFC 9112 §9.6: a server that sends "close" must close, not wait for the rest of the body.
        assertThat(reply.closedByServer()).isTrue();
        assertThat(server.get("/api/hello").status()).isEqualTo(200);
    }

    @Test
    void requestPipelinedAfterARefusedBodyIsNotServed() throws IOException {
        RawReply reply = exchange("POST /oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + BASIC + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 20000\r\n\r\n"
                + "a".repeat(20_000)
                + "GET /api/hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertThat(reply.response()).startsWith("HTTP/1.1 413 ");
        // The connection was announced as closing, so nothing more is answered on it.
        assertThat(reply.response()).doesNotContain("HTTP/1.1 200");
        assertThat(reply.closedByServer()).isTrue();
    }

    @Test
    void chunkedBodyOverTheLimitIsRefusedAndTheConnectionClosed() throws IOException {
        RawReply reply = exchange("POST /oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + BASIC + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5000\r\n" + "a".repeat(0x5000) + "\r\n0\r\n\r\n"
                + "GET /api/hello HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

        assertThat(reply.response()).startsWith("HTTP/1.1 413 ");
        assertThat(reply.response()).doesNotContain("HTTP/1.1 200");
        assertThat(reply.closedByServer()).isTrue();
    }

    @Test
    void chunkedBodyUnderTheLimitIsRead() throws IOException {
        RawReply reply = exchange("POST /oauth2/token HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + BASIC + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "b\r\ngrant_type=\r\n12\r\nclient_credentials\r\n0\r\n\r\n");

        assertThat(reply.response()).startsWith("HTTP/1.1 200 ");
        assertThat(reply.response()).contains("\"access_token\":\"");
    }

    /** What came back on a raw connection, and whether the server closed it. */
    private record RawReply(String response, boolean closedByServer) {
    }

    /** Writes raw bytes (each char one byte) and reads until the server closes or goes quiet for 5 s. */
    private static RawReply exchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (SocketException closedWhileWriting) {
                // The server may stop reading and close as soon as it has seen enough.
            }
            return readUntilClosed(socket.getInputStream());
        }
    }

    private static RawReply readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean closed = true;
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException keptOpen) {
            closed = false;
        } catch (SocketException reset) {
            // Closed with a reset: still a close.
        }
        return new RawReply(received.toString(StandardCharsets.ISO_8859_1), closed);
    }

    private static String firstLine(String response) {
        int end = response.indexOf("\r\n");
        return end < 0 ? response : response.substring(0, end);
    }
}

package dev.whosthat.oauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpListenersTest {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(3));

    @AfterEach
    void closeVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void connectionsAreSpreadOverOneEventLoopPerListener() throws Exception {
        HttpListeners listeners = listen(3);

        List<String> threads = threadsServing(listeners.port(), 9);

        assertThat(listeners.count()).isEqualTo(3);
        assertThat(new HashSet<>(threads)).hasSize(3).allSatisfy(thread -> assertThat(thread).startsWith("vert.x-eventloop-thread-"));
        // Handed out in turn: each listener took every third connection.
        assertThat(threads.subList(0, 3)).containsExactlyElementsOf(threads.subList(3, 6));
    }

    @Test
    void listenersOnAFixedPortShareIt() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        HttpListeners listeners = listen(2, port);

        assertThat(listeners.port()).isEqualTo(port);
        assertThat(Set.of(threadServing(port), threadServing(port))).hasSize(2);
    }

    @Test
    void oneListenerServesOnOneEventLoop() throws Exception {
        HttpListeners listeners = listen(1);

        assertThat(new HashSet<>(threadsServing(listeners.port(), 4))).hasSize(1);
    }

    @Test
    void shutdownStopsEveryListener() throws Exception {
        HttpListeners listeners = listen(3);
        int port = listeners.port();

        listeners.shutdown(1_000).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        // Refused, or reset when the connection reached the shared socket's backlog just before it
        // closed (Vert.x may complete the shutdown a moment before the socket is gone): never served.
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> threadServing(port)).isInstanceOf(SocketException.class);
        }
    }

    /** Answers read in one pass leave in one flush (BatchedFlushes): in order, whole, the last one before the close. */
    @Test
    void pipelinedRequestsAreAnsweredInOrderAndTheConnectionClosesAfterTheLast() throws Exception {
        HttpListeners listeners = HttpListeners.listen(vertx, 1, new HttpServerOptions(),
                        request -> request.response().end("answer to " + request.path()), 0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

        try (Socket socket = new Socket("127.0.0.1", listeners.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    + "GET /2 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    + "GET /3 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answers = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            assertThat(answers.split("HTTP/1.1 200 OK", -1)).hasSize(4);
            assertThat(answers).containsSubsequence("answer to /1", "answer to /2", "answer to /3").endsWith("answer to /3");
        }
    }

    @Test
    void noListenerIsRefused() {
        assertThatThrownBy(() -> HttpListeners.listen(vertx, 0, new HttpServerOptions(), request -> { }, 0, "127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private HttpListeners listen(int count) throws Exception {
        return listen(count, 0);
    }

    /** Listeners that answer with the name of the thread serving the request, and close the connection. */
    private HttpListeners listen(int count, int port) throws Exception {
        return HttpListeners.listen(vertx, count, new HttpServerOptions(),
                        request -> request.response().putHeader("connection", "close").end(Thread.currentThread().getName()),
                        port, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static List<String> threadsServing(int port, int requests) throws IOException {
        List<String> threads = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            threads.add(threadServing(port));
        }
        return threads;
    }

    /** A request on a connection of its own; the answer is the name of the thread that served it. */
    private static String threadServing(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 200 ");
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }
}

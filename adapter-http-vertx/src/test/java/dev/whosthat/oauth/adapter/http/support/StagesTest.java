package dev.whosthat.oauth.adapter.http.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A use case's stage reaches the handler on the request's event loop, whether it was complete when
 * the use case returned or completed later on another thread; a failed stage is the failure handler's.
 */
class StagesTest {

    private static final ExecutorService ELSEWHERE = Executors.newSingleThreadExecutor();
    private static Vertx vertx;
    private static HttpServer server;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.get("/done").handler(ctx -> answer(ctx, CompletableFuture.completedFuture("done")));
        router.get("/later").handler(ctx -> answer(ctx, CompletableFuture.supplyAsync(() -> "later", ELSEWHERE)));
        router.get("/minimal").handler(ctx -> answer(ctx, CompletableFuture.completedStage("minimal")));
        router.get("/failed").handler(ctx -> answer(ctx, CompletableFuture.failedFuture(new IllegalStateException("db down"))));
        router.get("/failed-later").handler(ctx -> answer(ctx, CompletableFuture.supplyAsync(() -> {
            throw new IllegalStateException("db down");
        }, ELSEWHERE)));
        router.route().failureHandler(new FailureHandler());
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Answers with the value and whether it arrived on an event loop thread. */
    private static void answer(RoutingContext ctx, CompletionStage<String> stage) {
        Stages.onEventLoop(ctx, stage, value -> ctx.response().end(value + " " + Context.isOnEventLoopThread()));
    }

    @AfterAll
    static void stop() throws Exception {
        ELSEWHERE.shutdownNow();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aCompleteStageIsHandedOverOnTheEventLoop() throws Exception {
        assertThat(get("/done").body()).isEqualTo("done true");
        assertThat(get("/minimal").body()).isEqualTo("minimal true");
    }

    @Test
    void aStageCompletedLaterOnAnotherThreadIsHandedOverOnTheEventLoop() throws Exception {
        assertThat(get("/later").body()).isEqualTo("later true");
    }

    @Test
    void aFailedStageGoesToTheFailureHandlerWithoutItsMessage() throws Exception {
        for (String path : new String[] {"/failed", "/failed-later"}) {
            HttpResponse<String> reply = get(path);

            assertThat(reply.statusCode()).isEqualTo(500);
            assertThat(reply.body()).contains("server_error").doesNotContain("db down");
        }
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

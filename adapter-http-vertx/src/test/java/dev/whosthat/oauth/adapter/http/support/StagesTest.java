package dev.whosthat.oauth.adapter.http.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.ext.web.RoutingContext;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A use case's stage reaches the handler on the request's event loop, whether it was complete when
 * the use case returned or completed later on another thread; a failed stage is the failure handler's.
 */
class StagesTest {

    private static final ExecutorService ELSEWHERE = Executors.newSingleThreadExecutor();
    private static RouterOnASocket server;

    @BeforeAll
    static void start() throws Exception {
        server = RouterOnASocket.serving(router -> {
            router.get("/done").handler(ctx -> answer(ctx, CompletableFuture.completedFuture("done")));
            router.get("/later").handler(ctx -> answer(ctx, CompletableFuture.supplyAsync(() -> "later", ELSEWHERE)));
            router.get("/minimal").handler(ctx -> answer(ctx, CompletableFuture.completedStage("minimal")));
            router.get("/failed").handler(ctx -> answer(ctx, CompletableFuture.failedFuture(new IllegalStateException("db down"))));
            router.get("/failed-later").handler(ctx -> answer(ctx, CompletableFuture.supplyAsync(() -> {
                throw new IllegalStateException("db down");
            }, ELSEWHERE)));
        });
    }

    /** Answers with the value and whether it arrived on an event loop thread. */
    private static void answer(RoutingContext ctx, CompletionStage<String> stage) {
        Stages.onEventLoop(ctx, stage, value -> ctx.response().end(value + " " + Context.isOnEventLoopThread()));
    }

    @AfterAll
    static void stop() throws Exception {
        ELSEWHERE.shutdownNow();
        server.close();
    }

    @Test
    void aCompleteStageIsHandedOverOnTheEventLoop() throws Exception {
        assertThat(server.get("/done").body()).isEqualTo("done true");
        assertThat(server.get("/minimal").body()).isEqualTo("minimal true");
    }

    @Test
    void aStageCompletedLaterOnAnotherThreadIsHandedOverOnTheEventLoop() throws Exception {
        assertThat(server.get("/later").body()).isEqualTo("later true");
    }

    @Test
    void aFailedStageGoesToTheFailureHandlerWithoutItsMessage() throws Exception {
        for (String path : new String[] {"/failed", "/failed-later"}) {
            HttpResponse<String> reply = server.get(path);

            assertThat(reply.statusCode()).isEqualTo(500);
            assertThat(reply.body()).contains("server_error").doesNotContain("db down");
        }
    }
}

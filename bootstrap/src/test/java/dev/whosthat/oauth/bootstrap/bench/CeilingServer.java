package dev.whosthat.oauth.bootstrap.bench;

import dev.whosthat.oauth.adapter.http.support.BatchedFlushes;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The benchmark's ceiling: a Vert.x server built like ours (Router, a body handler) that answers
 * every request with a fixed 150-byte JSON body. Nothing an OAuth server does can be faster on the
 * same core, so our figures are reported as ratios to this one. Not a test: run by bootstrap/bench/run.sh.
 */
public final class CeilingServer {

    private static final String BODY = "{\"access_token\":\"" + "x".repeat(43)
            + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,\"scope\":\"read write\",\"padding\":\"" + "p".repeat(14) + "\"}";

    private CeilingServer() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "8090");
        Buffer body = Buffer.buffer(BODY);
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        // No multipart uploads: the benchmark sends none, and with them on, the handler makes a
        // file-uploads directory wherever the benchmark was started (the repository's root).
        router.route().handler(BodyHandler.create().setBodyLimit(16 * 1024).setHandleFileUploads(false));
        Handler<RoutingContext> answer = ctx -> ctx.response()
                .putHeader("content-type", "application/json;charset=UTF-8")
                .putHeader("cache-control", "no-store")
                .end(body.copy());
        router.route().handler(ExtraWork.fromProperties().before(answer));
        // Either property makes it not the ceiling the targets are set against (a bare Vert.x
        // server), but the same server with one of our listeners' choices: they tell how much of a
        // ratio that choice accounts for.
        HttpServer server = vertx.createHttpServer(new HttpServerOptions()
                .setStrictThreadMode(Boolean.getBoolean("ceiling.strictThreadMode")));
        if (Boolean.getBoolean("ceiling.batchedFlushes")) {
            server.connectionHandler(BatchedFlushes::install);
        }
        server.requestHandler(router).listen(port, "127.0.0.1")
                .onSuccess(listening -> System.out.println("ceiling server listening on " + listening.actualPort()
                        + " (" + BODY.length() + "-byte body)"))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }
}

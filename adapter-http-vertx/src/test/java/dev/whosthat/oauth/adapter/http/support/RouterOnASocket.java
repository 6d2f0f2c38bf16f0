package dev.whosthat.oauth.adapter.http.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Routes of a test on a real loopback socket, behind the server's failure handler, and a client for them. */
final class RouterOnASocket implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;

    private RouterOnASocket(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    static RouterOnASocket serving(Consumer<Router> routes) throws Exception {
        Vertx vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        routes.accept(router);
        router.route().failureHandler(new FailureHandler());
        HttpServer server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return new RouterOnASocket(vertx, server);
    }

    HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}

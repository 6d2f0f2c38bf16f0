package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.adapter.http.support.BatchedFlushes;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One HTTP server per event loop, all on one address: Vert.x hands each accepted connection to the
 * next of them in turn, so every core serves requests. A single server created outside a verticle
 * is bound to one event loop, and would serve every connection on one core however many there are.
 * The request handler (the router) is shared: it holds no per-connection state. Each connection's
 * answers are flushed in batches ({@link BatchedFlushes}).
 */
final class HttpListeners {

    private final List<HttpServer> servers;

    private HttpListeners(List<HttpServer> servers) {
        this.servers = List.copyOf(servers);
    }

    /**
     * Vert.x's port for "any free port, shared": servers that ask for port 0 get a free port each,
     * while servers that ask for the same negative port share the one free port the first was given.
     */
    private static final int SHARED_FREE_PORT = -1;

    /**
     * Listens with {@code count} servers, each deployed on an event loop of its own. Servers of one
     * Vert.x instance that ask for the same address share its socket; port 0 (any free port) is
     * asked for as {@link #SHARED_FREE_PORT}, so that they share that one too.
     */
    static Future<HttpListeners> listen(Vertx vertx, int count, HttpServerOptions options, Handler<HttpServerRequest> handler,
                                        int port, String host) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one listener is needed, not " + count);
        }
        int requested = port == 0 ? SHARED_FREE_PORT : port;
        List<HttpServer> started = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(() -> new Listener(options, handler, requested, host, started),
                        new DeploymentOptions().setInstances(count))
                .map(deployed -> new HttpListeners(started));
    }

    int port() {
        return servers.get(0).actualPort();
    }

    int count() {
        return servers.size();
    }

    /** Stops accepting at once on every listener; requests in flight may finish within the grace period. */
    Future<Void> shutdown(long graceMillis) {
        return Future.all(servers.stream().map(server -> server.shutdown(graceMillis, TimeUnit.MILLISECONDS)).toList())
                .mapEmpty();
    }

    Future<Void> close() {
        return Future.all(servers.stream().map(HttpServer::close).toList()).mapEmpty();
    }

    /** A verticle only for its event loop: the server it creates in {@code start} is bound to it. */
    private static final class Listener extends VerticleBase {

        private final HttpServerOptions options;
        private final Handler<HttpServerRequest> handler;
        private final int port;
        private final String host;
        private final List<HttpServer> started;

        Listener(HttpServerOptions options, Handler<HttpServerRequest> handler, int port, String host, List<HttpServer> started) {
            this.options = options;
            this.handler = handler;
            this.port = port;
            this.host = host;
            this.started = started;
        }

        @Override
        public Future<?> start() {
            return vertx.createHttpServer(options)
                    .connectionHandler(BatchedFlushes::install)
                    .requestHandler(handler)
                    .listen(port, host)
                    .onSuccess(started::add);
        }
    }
}

package dev.whosthat.oauth.bootstrap;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The demo client page of demo mode ({@code /demo}): plain HTML and a script, loaded once from the
 * class path. It plays a public client on the server's own origin, so the example needs no second server.
 */
final class DemoPage {

    private DemoPage() {
    }

    static void mount(Router router) {
        Handler<RoutingContext> page = serve("index.html", "text/html;charset=UTF-8");
        router.get("/demo").handler(page);
        router.get("/demo/callback").handler(page);
        router.get("/demo/demo.js").handler(serve("demo.js", "text/javascript;charset=UTF-8"));
        router.get("/demo/demo.css").handler(serve("demo.css", "text/css;charset=UTF-8"));
    }

    private static Handler<RoutingContext> serve(String resource, String contentType) {
        Buffer body = load(resource);
        return ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
                .putHeader("Referrer-Policy", "no-referrer")
                .end(body.copy());
    }

    private static Buffer load(String resource) {
        try (InputStream in = DemoPage.class.getResourceAsStream("/demo/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("demo resource missing from the jar: " + resource);
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.whosthat.oauth.adapter.http.authorize;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Renders the HTML pages from precompiled jte templates (HTML-escaping by default) with headers
 * that keep them out of frames and caches: {@code X-Frame-Options: DENY}, a CSP with
 * {@code frame-ancestors 'none'} that allows only our own nonce'd style, {@code no-store},
 * {@code no-referrer}.
 */
final class Pages {

    /** Templates compiled at build time into this package (see the jte plugin in the pom). */
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), "dev.whosthat.oauth.adapter.http.pages");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pages() {
    }

    /** A fresh nonce for the page's inline style; it must match the page's CSP. */
    static String nonce() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return Base64.getEncoder().encodeToString(nonce);
    }

    static void login(HttpServerResponse response, int status, LoginPage page) {
        send(response, status, page.nonce(), "login.jte", page);
    }

    static void consent(HttpServerResponse response, ConsentPage page) {
        send(response, 200, page.nonce(), "consent.jte", page);
    }

    static void error(HttpServerResponse response, String description) {
        String nonce = nonce();
        send(response, 400, nonce, "error.jte", new ErrorPage(nonce, description));
    }

    private static void send(HttpServerResponse response, int status, String nonce, String template, Object page) {
        StringOutput html = new StringOutput();
        TEMPLATES.render(template, page, html);
        secure(response)
                .putHeader("Content-Security-Policy",
                        "default-src 'none'; style-src 'nonce-" + nonce + "'; frame-ancestors 'none'; base-uri 'none'")
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                .setStatusCode(status)
                .end(html.toString());
    }

    /** The headers every page and every redirect of the authorization flow carries. */
    static HttpServerResponse secure(HttpServerResponse response) {
        return response
                .putHeader("X-Frame-Options", "DENY")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .putHeader("Pragma", "no-cache")
                .putHeader("Referrer-Policy", "no-referrer");
    }
}

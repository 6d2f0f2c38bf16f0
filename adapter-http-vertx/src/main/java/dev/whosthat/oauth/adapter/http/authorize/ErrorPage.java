package dev.whosthat.oauth.adapter.http.authorize;

/** The page for a request that must not be redirected (RFC 6749 §4.1.2.1). */
public record ErrorPage(String nonce, String description) {
}

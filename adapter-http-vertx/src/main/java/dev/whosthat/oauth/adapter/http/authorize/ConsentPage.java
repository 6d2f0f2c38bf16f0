package dev.whosthat.oauth.adapter.http.authorize;

import java.util.List;

/** What the consent page shows; every string is escaped by the template. */
public record ConsentPage(String nonce, String clientName, String username, List<String> scopes, String action,
                          String csrf, String request) {
}

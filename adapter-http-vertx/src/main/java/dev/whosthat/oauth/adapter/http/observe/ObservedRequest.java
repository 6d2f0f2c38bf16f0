package dev.whosthat.oauth.adapter.http.observe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What is known about one finished request, with only bounded, secret-free values: every field may
 * become a metric label or a log field.
 *
 * @param method the HTTP method
 * @param path the request path without its query (where authorization requests carry parameters)
 * @param endpoint a fixed name for the route ({@code token}, {@code authorize}, ... or {@code other})
 * @param grantType a grant type the server knows, {@code other} for an unknown one, or empty
 * @param outcome {@code ok}, the OAuth error code that was answered, or {@code http_<status>}
 * @param clientId the client, only once it authenticated (an unauthenticated id is unbounded input)
 * @param status the HTTP status sent, or 0 when the connection was lost before a response
 * @param duration from the first handler to the end of the response
 */
public record ObservedRequest(
        String method,
        String path,
        String endpoint,
        Optional<String> grantType,
        String outcome,
        Optional<String> clientId,
        int status,
        Duration duration) {

    public ObservedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(grantType, "grantType");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(duration, "duration");
    }
}

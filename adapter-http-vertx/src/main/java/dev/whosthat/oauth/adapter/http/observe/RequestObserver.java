package dev.whosthat.oauth.adapter.http.observe;

/**
 * Told once about every request when its response has ended (or its connection was lost first):
 * the hook for access logs and metrics, which the host supplies. Called on the event loop, so an
 * implementation must not block and must not throw.
 */
@FunctionalInterface
public interface RequestObserver {

    /** Observes nothing. */
    RequestObserver NONE = request -> { };

    void completed(ObservedRequest request);

    /** This observer, then the other. */
    default RequestObserver andThen(RequestObserver other) {
        return request -> {
            completed(request);
            other.completed(request);
        };
    }
}

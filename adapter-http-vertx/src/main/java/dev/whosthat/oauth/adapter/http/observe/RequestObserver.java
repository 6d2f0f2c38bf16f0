package dev.whosthat.oauth.adapter.http.observe;

/**
 * Told once about every request when it starts, and once when its response has ended (or its
 * connection was lost first): the hook for access logs and metrics, which the host supplies. Called
 * on the event loop, so an implementation must not block and must not throw.
 */
@FunctionalInterface
public interface RequestObserver {

    /** Observes nothing. */
    RequestObserver NONE = request -> { };

    /** A request arrived; {@link #completed} follows for it, exactly once. */
    default void started() {
    }

    void completed(ObservedRequest request);

    /** This observer, then the other. */
    default RequestObserver andThen(RequestObserver other) {
        RequestObserver first = this;
        return new RequestObserver() {
            @Override
            public void started() {
                first.started();
                other.started();
            }

            @Override
            public void completed(ObservedRequest request) {
                first.completed(request);
                other.completed(request);
            }
        };
    }
}

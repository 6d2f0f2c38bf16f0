package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.audit.SecurityEvent;

/**
 * Where security events go: a log, metrics, a SIEM. Called on the request's thread (an event loop
 * in the Vert.x server), so an implementation must not block and must not throw: a trail that
 * fails loses the event, never the request.
 */
@FunctionalInterface
public interface AuditTrail {

    /** Records nothing: for hosts that keep no trail. */
    AuditTrail NONE = event -> { };

    void record(SecurityEvent event);

    /** This trail, then the other. */
    default AuditTrail andThen(AuditTrail other) {
        return event -> {
            record(event);
            other.record(event);
        };
    }
}

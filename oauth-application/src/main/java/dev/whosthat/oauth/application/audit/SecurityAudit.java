package dev.whosthat.oauth.application.audit;

import dev.whosthat.oauth.domain.audit.SecurityEvent;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.port.AuditTrail;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import dev.whosthat.oauth.domain.user.Username;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** How use cases write to the {@link AuditTrail}: stamped with the clock, and never at the request's expense. */
public final class SecurityAudit {

    private final AuditTrail trail;
    private final Clock clock;

    public SecurityAudit(AuditTrail trail, Clock clock) {
        this.trail = Objects.requireNonNull(trail, "trail");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** An event about a resource owner, named by username. */
    public void user(SecurityEventType type, Username user, Optional<ClientId> client, SourceAddress source, String detail) {
        record(new SecurityEvent(type, clock.instant(), Optional.of(user.value()), client, source, detail));
    }

    /** An event about a token's grant: its owner if a resource owner is behind it, and its client. */
    public void grant(SecurityEventType type, Optional<TokenOwnerRef> owner, ClientId client, SourceAddress source, String detail) {
        record(new SecurityEvent(type, clock.instant(), owner.map(o -> o.username().value()), Optional.of(client), source, detail));
    }

    /** An event about a client alone. */
    public void client(SecurityEventType type, ClientId client, SourceAddress source, String detail) {
        record(SecurityEvent.ofClient(type, clock.instant(), client, source, detail));
    }

    private void record(SecurityEvent event) {
        try {
            trail.record(event);
        } catch (RuntimeException lost) {
            // The port's contract forbids throwing; if a trail does anyway, the event is lost, not the request.
        }
    }
}

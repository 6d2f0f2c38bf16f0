package dev.whosthat.oauth.domain.audit;

import dev.whosthat.oauth.domain.client.ClientId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the audit trail. It names who and what, never a secret: no password, token, code or
 * client secret ever goes into an event.
 *
 * @param subject the resource owner's username, when the event concerns one
 * @param client the client concerned, when known (for a failed client authentication, the id it claimed)
 * @param detail a short machine-readable qualifier (a grant type, {@code sign_in_page}, an error code), or empty
 */
public record SecurityEvent(
        SecurityEventType type,
        Instant at,
        Optional<String> subject,
        Optional<ClientId> client,
        SourceAddress source,
        String detail) {

    public SecurityEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(detail, "detail");
    }

    /** An event about a client (and no resource owner). */
    public static SecurityEvent ofClient(SecurityEventType type, Instant at, ClientId client, SourceAddress source, String detail) {
        return new SecurityEvent(type, at, Optional.empty(), Optional.of(client), source, detail);
    }
}

package dev.whosthat.oauth.bootstrap.observe;

import dev.whosthat.oauth.domain.audit.SecurityEvent;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.port.AuditTrail;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The audit trail as log lines on the logger {@code dev.whosthat.oauth.audit}, one per security
 * event, with its type, subject, client, source address and detail as key/value pairs. Events carry
 * no secret by contract; what an attacker may choose (a username that does not exist) is quoted by
 * the log format, not interpreted.
 */
public final class AuditLog implements AuditTrail {

    public static final String LOGGER = "dev.whosthat.oauth.audit";

    /** The message is the event's name; text lines leave out its pair, JSON lines carry it as a field. */
    static final Set<String> STATED_IN_MESSAGE = Set.of("event");

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    @Override
    public void record(SecurityEvent event) {
        LOG.atLevel(level(event))
                .addKeyValue("event", event.type().wire())
                .addKeyValue("subject", event.subject().orElse(""))
                .addKeyValue("client_id", event.client().map(ClientId::value).orElse(""))
                .addKeyValue("source", event.source().value())
                .addKeyValue("detail", event.detail())
                .log(event.type().wire());
    }

    /** Signs of an attack in progress stand out; the rest is routine. */
    private static Level level(SecurityEvent event) {
        return switch (event.type()) {
            case REFRESH_TOKEN_REUSE_DETECTED, AUTHORIZATION_CODE_REPLAYED -> Level.WARN;
            case SIGN_IN_SUCCEEDED, SIGN_IN_FAILED, CLIENT_AUTHENTICATION_FAILED, TOKEN_ISSUED, TOKEN_REVOKED,
                    CLIENT_SECRET_ROTATED, ATTEMPT_THROTTLED -> Level.INFO;
        };
    }
}

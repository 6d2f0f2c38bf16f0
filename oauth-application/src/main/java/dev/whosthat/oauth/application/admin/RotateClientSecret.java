package dev.whosthat.oauth.application.admin;

import dev.whosthat.oauth.domain.audit.SecurityEvent;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.port.AuditTrail;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.port.TokenGenerator;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Gives a confidential client a new generated secret: the old one stops working at once (there is
 * no overlap; a client that must not miss a request gets a second registration instead). Tokens
 * already issued stay valid: rotating a secret is routine, not an incident; deleting the client
 * is the way to cut it off. Records {@link SecurityEventType#CLIENT_SECRET_ROTATED}.
 */
public final class RotateClientSecret {

    private final ClientRepository clients;
    private final TokenGenerator generator;
    private final AuditTrail audit;
    private final Clock clock;

    public RotateClientSecret(ClientRepository clients, TokenGenerator generator, AuditTrail audit, Clock clock) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.generator = Objects.requireNonNull(generator, "generator");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param source who asked, for the audit trail (a command line has no network peer) */
    public CompletionStage<AdminOutcome<ClientSecret>> handle(ClientId id, SourceAddress source) {
        return clients.findById(id).thenCompose(found -> found
                .map(client -> rotate(client, source))
                .orElseGet(() -> CompletableFuture.completedFuture(notFound(id))));
    }

    private CompletionStage<AdminOutcome<ClientSecret>> rotate(RegisteredClient client, SourceAddress source) {
        if (!client.isConfidential()) {
            return CompletableFuture.completedFuture(new AdminOutcome.NotApplicable<>(
                    "client " + client.id() + " is public (token_endpoint_auth_method none) and has no secret"));
        }
        ClientSecret secret = new ClientSecret(generator.newToken().value());
        // The port re-checks atomically: the client may have been deleted or made public meanwhile.
        return clients.replaceSecret(client.id(), secret.digest()).thenApply(replaced -> {
            if (!replaced) {
                return notFound(client.id());
            }
            audit.record(new SecurityEvent(SecurityEventType.CLIENT_SECRET_ROTATED, clock.instant(), Optional.empty(),
                    Optional.of(client.id()), source, ""));
            return AdminOutcome.done(secret);
        });
    }

    private static AdminOutcome<ClientSecret> notFound(ClientId id) {
        return new AdminOutcome.NotFound<>("no confidential client " + id);
    }
}

package dev.whosthat.oauth.application.client;

import dev.whosthat.oauth.application.audit.SecurityAudit;
import dev.whosthat.oauth.application.throttle.Throttle;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.throttle.ThrottleKey;
import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * RFC 6749 §2.3: who is the client of this request? Every failure is the same {@code invalid_client},
 * goes to the audit trail, and counts against the source address: an address with too many failures
 * is refused before any credential is checked.
 */
public final class AuthenticateClient {

    /** Compared against when the client is unknown, so that both failures cost the same work. */
    private static final SecretDigest NO_CLIENT = SecretDigest.of("no client has this secret");

    private final ClientRepository clients;
    private final Throttle throttle;
    private final SecurityAudit audit;

    public AuthenticateClient(ClientRepository clients, Throttle throttle, SecurityAudit audit) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public CompletionStage<Outcome<RegisteredClient>> handle(ClientCredentials presented, SourceAddress source) {
        // The throttle's count and the client are looked up side by side: one wait, not two, on the hot path.
        return throttle.admit(ThrottleKey.of(source))
                .thenCombine(clients.findById(presented.clientId()), (admission, found) -> {
                    if (admission.refusal().isPresent()) {
                        audit.client(SecurityEventType.ATTEMPT_THROTTLED, presented.clientId(), source, "client_authentication");
                        return CompletableFuture.completedFuture(Outcome.<RegisteredClient>rejected(admission.refusal().get()));
                    }
                    Outcome<RegisteredClient> outcome = found
                            .map(client -> client.authenticate(presented))
                            .orElseGet(() -> unknownClient(presented));
                    if (outcome.isOk()) {
                        return CompletableFuture.completedFuture(outcome);
                    }
                    audit.client(SecurityEventType.CLIENT_AUTHENTICATION_FAILED, presented.clientId(), source,
                            presented.method().wire());
                    // A success does not clear the address: one good client must not cover for a guesser beside it.
                    return throttle.settle(admission, outcome, false);
                })
                .thenCompose(settled -> settled);
    }

    private static Outcome<RegisteredClient> unknownClient(ClientCredentials presented) {
        if (presented instanceof ClientCredentials.WithSecret withSecret) {
            NO_CLIENT.matches(withSecret.secret().value());
        }
        return ClientCredentials.failure();
    }
}

package dev.whosthat.oauth.application.admin;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.port.AuthorizationCodeStore;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.port.ConsentStore;
import dev.whosthat.oauth.domain.port.TokenStore;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Deletes a client and everything it holds: its tokens are revoked (they no longer validate or
 * introspect as active), its authorization codes deleted (none can be redeemed, not even by a
 * client registered later under the same id), the consents given to it forgotten. The client is
 * deleted first, so that it cannot authenticate for new tokens while the rest goes; and the rest is
 * revoked even when the client is already gone, so that running the command again finishes a run
 * that storage broke off halfway.
 */
public final class DeleteClient {

    private final ClientRepository clients;
    private final TokenStore tokens;
    private final AuthorizationCodeStore codes;
    private final ConsentStore consents;

    public DeleteClient(ClientRepository clients, TokenStore tokens, AuthorizationCodeStore codes, ConsentStore consents) {
        this.clients = Objects.requireNonNull(clients, "clients");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.consents = Objects.requireNonNull(consents, "consents");
    }

    public CompletionStage<AdminOutcome<ClientId>> handle(ClientId id) {
        return clients.delete(id).thenCompose(deleted -> tokens.revokeAllOf(id)
                .thenCompose(revoked -> codes.deleteAllOf(id))
                .thenCompose(revoked -> consents.revokeAllOf(id))
                .thenApply(revoked -> deleted
                        ? AdminOutcome.done(id)
                        : new AdminOutcome.NotFound<>("no client " + id)));
    }
}

package dev.whosthat.oauth.application.admin;

import dev.whosthat.oauth.domain.port.AuthorizationCodeStore;
import dev.whosthat.oauth.domain.port.ConsentStore;
import dev.whosthat.oauth.domain.port.SessionStore;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.port.UserRepository;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Deletes a user's account and everything issued for it: its tokens are revoked (they no longer
 * validate or introspect as active), its authorization codes deleted, its sign-in sessions ended,
 * its consents forgotten. The account goes first, so that nobody signs in as it while the rest
 * goes. The username is free again afterwards; a new account under it gets a new subject id, so
 * nothing of the old one carries over.
 */
public final class DeleteUser {

    private final UserRepository users;
    private final TokenStore tokens;
    private final AuthorizationCodeStore codes;
    private final SessionStore sessions;
    private final ConsentStore consents;

    public DeleteUser(UserRepository users, TokenStore tokens, AuthorizationCodeStore codes, SessionStore sessions,
                      ConsentStore consents) {
        this.users = Objects.requireNonNull(users, "users");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.codes = Objects.requireNonNull(codes, "codes");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.consents = Objects.requireNonNull(consents, "consents");
    }

    public CompletionStage<AdminOutcome<UserAccount>> handle(Username username) {
        return users.findByUsername(username).thenCompose(found -> found
                .map(account -> users.delete(account.id())
                        .thenCompose(deleted -> revokeAllOf(account.id()).thenApply(revoked -> deleted
                                ? AdminOutcome.done(account)
                                : notFound(username))))
                .orElseGet(() -> CompletableFuture.completedFuture(notFound(username))));
    }

    private CompletionStage<Void> revokeAllOf(UserId id) {
        return tokens.revokeAllOf(id)
                .thenCompose(revoked -> codes.deleteAllOf(id))
                .thenCompose(deleted -> sessions.deleteAllOf(id))
                .thenCompose(ended -> consents.revokeAllOf(id));
    }

    private static AdminOutcome<UserAccount> notFound(Username username) {
        return new AdminOutcome.NotFound<>("no user " + username);
    }
}

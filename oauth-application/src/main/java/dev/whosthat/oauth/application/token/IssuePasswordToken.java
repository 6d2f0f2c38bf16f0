package dev.whosthat.oauth.application.token;

import static dev.whosthat.oauth.domain.error.Outcome.whenOk;

import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.PasswordHasher;
import dev.whosthat.oauth.domain.port.UserRepository;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.user.PasswordCheck;
import dev.whosthat.oauth.domain.user.UserAccount;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * RFC 6749 §4.3: the resource owner password credentials grant. An unknown user and a wrong
 * password give the same {@code invalid_grant} after the same work: the password is verified
 * against a decoy hash when there is no account.
 */
public final class IssuePasswordToken {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final GrantIssuer issuer;

    public IssuePasswordToken(UserRepository users, PasswordHasher hasher, GrantIssuer issuer) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    public CompletionStage<Outcome<TokenGranted>> handle(RegisteredClient client, GrantRequest.ResourceOwnerPassword grant) {
        return CompletableFuture.completedFuture(Scope.narrow(grant.scope(), client.scope()))
                .thenCompose(whenOk(scope -> signIn(grant)
                        .thenCompose(whenOk(user -> issuer.issue(client, user.asOwner(), scope, grant.scope())))));
    }

    private CompletionStage<Outcome<UserAccount>> signIn(GrantRequest.ResourceOwnerPassword grant) {
        return users.findByUsername(grant.username()).thenCompose(found -> {
            var stored = found.map(UserAccount::passwordHash).orElseGet(hasher::decoy);
            return hasher.verify(grant.password(), stored).thenCompose(check -> accept(found, check, grant));
        });
    }

    private CompletionStage<Outcome<UserAccount>> accept(Optional<UserAccount> found, PasswordCheck check,
                                                         GrantRequest.ResourceOwnerPassword grant) {
        if (found.isEmpty() || !check.matches()) {
            return CompletableFuture.completedFuture(Outcome.rejected(
                    OAuthErrorCode.INVALID_GRANT, "invalid resource owner credentials"));
        }
        UserAccount user = found.get();
        if (check == PasswordCheck.MATCH_NEEDS_REHASH) {
            // The cost was raised since this hash was made: upgrade it now that we know the password.
            return hasher.hash(grant.password())
                    .thenCompose(newHash -> users.updatePasswordHash(user.id(), newHash))
                    .thenApply(updated -> Outcome.ok(user));
        }
        return CompletableFuture.completedFuture(Outcome.ok(user));
    }
}

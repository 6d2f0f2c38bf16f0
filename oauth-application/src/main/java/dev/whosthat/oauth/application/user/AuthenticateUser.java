package dev.whosthat.oauth.application.user;

import dev.whosthat.oauth.application.audit.SecurityAudit;
import dev.whosthat.oauth.application.throttle.Throttle;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.PasswordHasher;
import dev.whosthat.oauth.domain.port.UserRepository;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.throttle.ThrottleKey;
import dev.whosthat.oauth.domain.user.PasswordCheck;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.Username;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Checks a resource owner's username and password. An unknown user and a wrong password give the
 * same {@code invalid_grant} after the same work: the password is verified against a decoy hash
 * when there is no account. A hash made at a lower cost than the current one is upgraded.
 *
 * <p>Failures are throttled per username, known or not (so that probing tells nothing), and every
 * attempt goes to the audit trail.
 */
public final class AuthenticateUser {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Throttle throttle;
    private final SecurityAudit audit;

    public AuthenticateUser(UserRepository users, PasswordHasher hasher, Throttle throttle, SecurityAudit audit) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public CompletionStage<Outcome<UserAccount>> handle(Username username, Password password, SignInAttempt attempt) {
        return throttle.admit(ThrottleKey.of(username)).thenCompose(admission -> {
            if (admission.refusal().isPresent()) {
                audit.user(SecurityEventType.ATTEMPT_THROTTLED, username, attempt.client(), attempt.source(), attempt.channel().wire());
                return CompletableFuture.completedFuture(Outcome.<UserAccount>rejected(admission.refusal().get()));
            }
            return check(username, password).thenCompose(outcome -> {
                audit.user(outcome.isOk() ? SecurityEventType.SIGN_IN_SUCCEEDED : SecurityEventType.SIGN_IN_FAILED,
                        username, attempt.client(), attempt.source(), attempt.channel().wire());
                return throttle.settle(admission, outcome, true);
            });
        });
    }

    private CompletionStage<Outcome<UserAccount>> check(Username username, Password password) {
        return users.findByUsername(username).thenCompose(found -> {
            var stored = found.map(UserAccount::passwordHash).orElseGet(hasher::decoy);
            return hasher.verify(password, stored).thenCompose(check -> accept(found, check, password));
        });
    }

    private CompletionStage<Outcome<UserAccount>> accept(Optional<UserAccount> found, PasswordCheck check, Password password) {
        if (found.isEmpty() || !check.matches()) {
            return CompletableFuture.completedFuture(Outcome.rejected(
                    OAuthErrorCode.INVALID_GRANT, "invalid resource owner credentials"));
        }
        UserAccount user = found.get();
        if (check == PasswordCheck.MATCH_NEEDS_REHASH) {
            // The cost was raised since this hash was made: upgrade it now that we know the password.
            return hasher.hash(password)
                    .thenCompose(newHash -> users.updatePasswordHash(user.id(), newHash))
                    .thenApply(updated -> Outcome.ok(user));
        }
        return CompletableFuture.completedFuture(Outcome.ok(user));
    }
}

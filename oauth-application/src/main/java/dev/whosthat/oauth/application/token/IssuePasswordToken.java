package dev.whosthat.oauth.application.token;

import static dev.whosthat.oauth.domain.error.Outcome.whenOk;

import dev.whosthat.oauth.application.user.AuthenticateUser;
import dev.whosthat.oauth.application.user.SignInAttempt;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import java.util.Optional;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.scope.Scope;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** RFC 6749 §4.3: the resource owner password credentials grant. */
public final class IssuePasswordToken {

    private final AuthenticateUser authenticateUser;
    private final GrantIssuer issuer;

    public IssuePasswordToken(AuthenticateUser authenticateUser, GrantIssuer issuer) {
        this.authenticateUser = Objects.requireNonNull(authenticateUser, "authenticateUser");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    public CompletionStage<Outcome<TokenGranted>> handle(RegisteredClient client, GrantRequest.ResourceOwnerPassword grant,
                                                         SourceAddress source) {
        SignInAttempt attempt = new SignInAttempt(SignInAttempt.Channel.PASSWORD_GRANT, Optional.of(client.id()), source);
        return CompletableFuture.completedFuture(Scope.narrow(grant.scope(), client.scope()))
                .thenCompose(whenOk(scope -> authenticateUser.handle(grant.username(), grant.password(), attempt)
                        .thenCompose(whenOk(user -> issuer.issue(client, user.asOwner(), scope, grant.scope())))));
    }
}

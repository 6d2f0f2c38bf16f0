package dev.whosthat.oauth.application.token;

import static dev.whosthat.oauth.domain.error.Outcome.whenOk;

import dev.whosthat.oauth.application.audit.SecurityAudit;
import dev.whosthat.oauth.application.client.AuthenticateClient;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.error.Outcome;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * The token endpoint (RFC 6749 §3.2): authenticates the client, checks that it may use the grant
 * type, and hands the request to the grant's own use case.
 */
public final class RequestToken {

    private final AuthenticateClient authenticateClient;
    private final IssueClientCredentialsToken clientCredentials;
    private final IssuePasswordToken password;
    private final RefreshAccessToken refresh;
    private final ExchangeAuthorizationCode authorizationCode;
    private final SecurityAudit audit;

    public RequestToken(AuthenticateClient authenticateClient, IssueClientCredentialsToken clientCredentials,
                        IssuePasswordToken password, RefreshAccessToken refresh, ExchangeAuthorizationCode authorizationCode,
                        SecurityAudit audit) {
        this.authenticateClient = Objects.requireNonNull(authenticateClient, "authenticateClient");
        this.clientCredentials = Objects.requireNonNull(clientCredentials, "clientCredentials");
        this.password = Objects.requireNonNull(password, "password");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
        this.authorizationCode = Objects.requireNonNull(authorizationCode, "authorizationCode");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    public CompletionStage<Outcome<TokenGranted>> handle(TokenRequest request) {
        GrantRequest grant = request.grant();
        return authenticateClient.handle(request.credentials(), request.source())
                .thenApply(client -> client.flatMap(c -> c.mayUse(grant.type())))
                .thenCompose(whenOk(client -> dispatch(client, grant, request.source())
                        .thenApply(granted -> recorded(granted, client, grant, request.source()))));
    }

    private CompletionStage<Outcome<TokenGranted>> dispatch(RegisteredClient client, GrantRequest grant, SourceAddress source) {
        return switch (grant.type()) {
            case CLIENT_CREDENTIALS -> clientCredentials.handle(client, (GrantRequest.ClientCredentials) grant);
            case PASSWORD -> password.handle(client, (GrantRequest.ResourceOwnerPassword) grant, source);
            case REFRESH_TOKEN -> refresh.handle(client, (GrantRequest.Refresh) grant, source);
            case AUTHORIZATION_CODE -> authorizationCode.handle(client, (GrantRequest.AuthorizationCode) grant, source);
        };
    }

    private Outcome<TokenGranted> recorded(Outcome<TokenGranted> granted, RegisteredClient client, GrantRequest grant,
                                           SourceAddress source) {
        if (granted instanceof Outcome.Ok<TokenGranted> ok) {
            audit.grant(SecurityEventType.TOKEN_ISSUED, ok.value().tokens().access().token().owner(), client.id(), source,
                    grant.type().wire());
        }
        return granted;
    }
}

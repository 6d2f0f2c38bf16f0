package dev.whosthat.oauth.application.authorize;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.code.PkceChallenge;
import dev.whosthat.oauth.domain.error.OAuthError;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.scope.Scope;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * RFC 6749 §4.1.1 and §4.1.2.1, RFC 7636 §4.3, RFC 9700 §2.1.1: checks an authorization request.
 * The client and the redirect URI come first, since until both are trusted no error may be
 * redirected. Only {@code response_type=code} and the S256 PKCE method are served.
 */
public final class ValidateAuthorizationRequest {

    private final ClientRepository clients;

    public ValidateAuthorizationRequest(ClientRepository clients) {
        this.clients = Objects.requireNonNull(clients, "clients");
    }

    public CompletionStage<AuthorizationCheck> handle(AuthorizationParameters params) {
        Optional<String> clientId = params.single("client_id").filter(ClientId::isValid);
        if (clientId.isEmpty() || params.isRepeated("client_id")) {
            return untrusted("client_id is missing or invalid");
        }
        return clients.findById(new ClientId(clientId.get())).thenApply(found -> found
                .map(client -> checkRedirectUri(client, params))
                .orElseGet(() -> new AuthorizationCheck.Untrusted(error(OAuthErrorCode.INVALID_REQUEST, "unknown client"))));
    }

    private static AuthorizationCheck checkRedirectUri(RegisteredClient client, AuthorizationParameters params) {
        if (params.isRepeated("redirect_uri")) {
            return new AuthorizationCheck.Untrusted(error(OAuthErrorCode.INVALID_REQUEST, "redirect_uri is repeated"));
        }
        Optional<String> requested = params.single("redirect_uri");
        Optional<RedirectUri> redirectUri = client.redirectUriFor(requested);
        if (redirectUri.isEmpty()) {
            return new AuthorizationCheck.Untrusted(error(OAuthErrorCode.INVALID_REQUEST,
                    requested.isPresent() ? "redirect_uri is not registered for this client"
                            : "redirect_uri is required when a client registers several"));
        }
        Optional<String> state = params.isRepeated("state") ? Optional.empty() : params.single("state");
        return checkRest(client, redirectUri.get(), requested.isPresent(), state, params);
    }

    private static AuthorizationCheck checkRest(RegisteredClient client, RedirectUri redirectUri, boolean redirectUriGiven,
                                                Optional<String> state, AuthorizationParameters params) {
        Outcome<AuthorizationRequest> checked = responseType(params)
                .flatMap(ok -> noRepeats(params))
                .flatMap(ok -> client.allows(GrantType.AUTHORIZATION_CODE) ? Outcome.ok(client) : Outcome.<RegisteredClient>rejected(
                        OAuthErrorCode.UNAUTHORIZED_CLIENT, "the client is not authorized to use the authorization code grant"))
                .flatMap(c -> Scope.parse(params.single("scope").orElse("")))
                .flatMap(requested -> Scope.narrow(requested, client.scope()))
                .flatMap(scope -> challenge(client, params)
                        .map(challenge -> new AuthorizationRequest(client, redirectUri, redirectUriGiven, scope, state, challenge)));
        if (checked instanceof Outcome.Rejected<AuthorizationRequest> rejected) {
            return new AuthorizationCheck.Refused(redirectUri, rejected.error(), state);
        }
        return new AuthorizationCheck.Valid(checked.orElseThrow());
    }

    /** Only the code flow; the implicit grant is not served (RFC 9700 §2.1.2). */
    private static Outcome<Boolean> responseType(AuthorizationParameters params) {
        if (params.isRepeated("response_type")) {
            return Outcome.rejected(OAuthErrorCode.INVALID_REQUEST, "response_type is repeated");
        }
        Optional<String> responseType = params.single("response_type");
        if (responseType.isEmpty()) {
            return Outcome.rejected(OAuthErrorCode.INVALID_REQUEST, "response_type is missing");
        }
        if (!responseType.get().equals("code")) {
            return Outcome.rejected(OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE, "only response_type code is supported");
        }
        return Outcome.ok(true);
    }

    private static Outcome<Boolean> noRepeats(AuthorizationParameters params) {
        return params.firstRepeated()
                .<Outcome<Boolean>>map(name -> Outcome.rejected(OAuthErrorCode.INVALID_REQUEST, "a parameter is repeated"))
                .orElseGet(() -> Outcome.ok(true));
    }

    /** RFC 7636 §4.3; a challenge without a method would mean {@code plain}, which is refused. */
    private static Outcome<Optional<PkceChallenge>> challenge(RegisteredClient client, AuthorizationParameters params) {
        Optional<String> challenge = params.single("code_challenge");
        Optional<String> method = params.single("code_challenge_method");
        if (challenge.isEmpty()) {
            if (method.isPresent()) {
                return Outcome.rejected(OAuthErrorCode.INVALID_REQUEST, "code_challenge_method without code_challenge");
            }
            return client.requirePkce()
                    ? Outcome.rejected(OAuthErrorCode.INVALID_REQUEST, "code_challenge is required (PKCE with S256)")
                    : Outcome.ok(Optional.empty());
        }
        if (method.isEmpty() || !method.get().equals(PkceChallenge.S256)) {
            return Outcome.rejected(OAuthErrorCode.INVALID_REQUEST, "code_challenge_method must be S256");
        }
        return PkceChallenge.parse(challenge.get())
                .<Outcome<Optional<PkceChallenge>>>map(parsed -> Outcome.ok(Optional.of(parsed)))
                .orElseGet(() -> Outcome.rejected(OAuthErrorCode.INVALID_REQUEST, "code_challenge is malformed"));
    }

    private static CompletionStage<AuthorizationCheck> untrusted(String description) {
        return CompletableFuture.completedFuture(new AuthorizationCheck.Untrusted(error(OAuthErrorCode.INVALID_REQUEST, description)));
    }

    private static OAuthError error(OAuthErrorCode code, String description) {
        return OAuthError.of(code, description);
    }
}

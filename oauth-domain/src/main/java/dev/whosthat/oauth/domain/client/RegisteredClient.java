package dev.whosthat.oauth.domain.client;

import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A client as registered with the server (RFC 6749 §2, RFC 7591 metadata). A confidential client
 * holds the digest of its secret, never the secret.
 *
 * @param requirePkce whether authorization requests must carry an S256 code challenge (RFC 7636);
 *     true for every public client, and by default for confidential ones (RFC 9700 §2.1.1)
 */
public record RegisteredClient(
        ClientId id,
        String name,
        ClientAuthMethod authMethod,
        Optional<SecretDigest> secretDigest,
        Set<GrantType> grantTypes,
        List<RedirectUri> redirectUris,
        Scope scope,
        boolean requirePkce) {

    /** A client that requires PKCE, as every client does unless registered otherwise. */
    public RegisteredClient(ClientId id, String name, ClientAuthMethod authMethod, Optional<SecretDigest> secretDigest,
                            Set<GrantType> grantTypes, List<RedirectUri> redirectUris, Scope scope) {
        this(id, name, authMethod, secretDigest, grantTypes, redirectUris, scope, true);
    }

    public RegisteredClient {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(secretDigest, "secretDigest");
        Objects.requireNonNull(scope, "scope");
        grantTypes = grantTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grantTypes));
        redirectUris = List.copyOf(redirectUris);
        if (authMethod.usesSecret() && secretDigest.isEmpty()) {
            throw new IllegalArgumentException("client " + id + " authenticates with a secret but has none");
        }
        if (!authMethod.usesSecret() && secretDigest.isPresent()) {
            throw new IllegalArgumentException("public client " + id + " must not have a secret");
        }
        if (!authMethod.usesSecret() && grantTypes.contains(GrantType.CLIENT_CREDENTIALS)) {
            // RFC 6749 §4.4: the client credentials grant MUST only be used by confidential clients.
            throw new IllegalArgumentException("public client " + id + " cannot use the client_credentials grant");
        }
        if (!authMethod.usesSecret() && !requirePkce) {
            // RFC 9700 §2.1.1: public clients MUST use PKCE.
            throw new IllegalArgumentException("public client " + id + " must require PKCE");
        }
        if (grantTypes.contains(GrantType.AUTHORIZATION_CODE) && redirectUris.isEmpty()) {
            throw new IllegalArgumentException("client " + id + " uses authorization_code but registers no redirect URI");
        }
    }

    public boolean isConfidential() {
        return authMethod.usesSecret();
    }

    public boolean allows(GrantType grantType) {
        return grantTypes.contains(grantType);
    }

    /**
     * RFC 6749 §2.3: checks the presented credentials against this registration. Only the
     * registered method is accepted; the secret is compared by digest in constant time.
     */
    public Outcome<RegisteredClient> authenticate(ClientCredentials presented) {
        if (!presented.clientId().equals(id) || presented.method() != authMethod) {
            return ClientCredentials.failure();
        }
        if (presented instanceof ClientCredentials.WithSecret withSecret
                && !secretDigest.orElseThrow().matches(withSecret.secret().value())) {
            return ClientCredentials.failure();
        }
        return Outcome.ok(this);
    }

    /**
     * RFC 6749 §3.1.2.3: the redirect URI of an authorization request, compared as a plain string
     * with the registered ones (RFC 9700 §4.1.3); one may be left out only when exactly one is
     * registered.
     */
    public Optional<RedirectUri> redirectUriFor(Optional<String> requested) {
        if (requested.isEmpty()) {
            return redirectUris.size() == 1 ? Optional.of(redirectUris.get(0)) : Optional.empty();
        }
        return redirectUris.stream().filter(uri -> uri.value().equals(requested.get())).findFirst();
    }

    /** RFC 6749 §5.2 unauthorized_client: the grant type is not registered for this client. */
    public Outcome<RegisteredClient> mayUse(GrantType grantType) {
        if (!allows(grantType)) {
            return Outcome.rejected(OAuthErrorCode.UNAUTHORIZED_CLIENT,
                    "the client is not authorized to use this grant type");
        }
        return Outcome.ok(this);
    }
}

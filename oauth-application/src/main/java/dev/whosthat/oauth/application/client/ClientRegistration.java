package dev.whosthat.oauth.application.client;

import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.scope.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A request to register a client, with its secret in clear (RFC 7591 metadata). Checked on
 * construction: an {@link IllegalArgumentException} says in words what is wrong.
 */
public record ClientRegistration(
        ClientId id,
        String name,
        ClientAuthMethod authMethod,
        Optional<ClientSecret> secret,
        Set<GrantType> grantTypes,
        List<RedirectUri> redirectUris,
        Scope scope,
        boolean requirePkce) {

    /** A registration that requires PKCE, the default for every client. */
    public ClientRegistration(ClientId id, String name, ClientAuthMethod authMethod, Optional<ClientSecret> secret,
                              Set<GrantType> grantTypes, List<RedirectUri> redirectUris, Scope scope) {
        this(id, name, authMethod, secret, grantTypes, redirectUris, scope, true);
    }

    public ClientRegistration {
        if (authMethod.usesSecret()) {
            ClientSecret given = secret.orElseThrow(() -> new IllegalArgumentException(
                    "client " + id + " uses " + authMethod.wire() + " but has no client_secret"));
            if (given.value().length() < ClientSecret.MIN_REGISTERED_LENGTH) {
                // Secrets are stored as a fast SHA-256 digest, which is only safe for high-entropy secrets.
                throw new IllegalArgumentException("client_secret of client " + id + " must be at least "
                        + ClientSecret.MIN_REGISTERED_LENGTH + " characters of random data");
            }
        } else if (secret.isPresent()) {
            throw new IllegalArgumentException("client " + id + " is public (token_endpoint_auth_method none) and must not have a client_secret");
        }
        // The registered client checks the rest (e.g. client_credentials only for confidential clients).
        new RegisteredClient(id, name, authMethod, secret.map(ClientSecret::digest), grantTypes, redirectUris, scope, requirePkce);
    }

    /** The client as stored: the secret replaced by its digest. */
    public RegisteredClient toClient() {
        return new RegisteredClient(id, name, authMethod, secret.map(ClientSecret::digest), grantTypes, redirectUris, scope, requirePkce);
    }
}

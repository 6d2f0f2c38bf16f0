package dev.whosthat.oauth.application.admin;

import dev.whosthat.oauth.application.client.ClientRegistration;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.scope.Scope;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A client an operator registers (RFC 7591 metadata), without a secret: the server generates one
 * for a confidential client. Checked on construction with the rules of a registration: an
 * {@link IllegalArgumentException} says in words what is wrong.
 */
public record NewClient(
        ClientId id,
        String name,
        ClientAuthMethod authMethod,
        Set<GrantType> grantTypes,
        List<RedirectUri> redirectUris,
        Scope scope,
        boolean requirePkce) {

    /** Stands in for the secret still to be generated, only to run the registration's checks now. */
    private static final ClientSecret UNCHECKED_PLACEHOLDER = new ClientSecret("x".repeat(ClientSecret.MIN_REGISTERED_LENGTH));

    public NewClient {
        grantTypes = Set.copyOf(grantTypes);
        redirectUris = List.copyOf(redirectUris);
        new ClientRegistration(id, name, authMethod, authMethod.usesSecret() ? Optional.of(UNCHECKED_PLACEHOLDER) : Optional.empty(),
                grantTypes, redirectUris, scope, requirePkce);
    }

    /** The registration with the generated secret (none for a public client). */
    ClientRegistration withSecret(Optional<ClientSecret> secret) {
        return new ClientRegistration(id, name, authMethod, secret, grantTypes, redirectUris, scope, requirePkce);
    }
}

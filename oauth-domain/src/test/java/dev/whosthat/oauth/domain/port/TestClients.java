package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Registered clients with unique ids. */
public final class TestClients {

    private TestClients() {
    }

    public static ClientId newId() {
        return new ClientId("client-" + TestTokens.unique());
    }

    /** A confidential client using every grant, with a redirect URI. */
    public static RegisteredClient confidential(ClientId id) {
        return new RegisteredClient(id, "Confidential " + id, ClientAuthMethod.CLIENT_SECRET_BASIC,
                Optional.of(SecretDigest.of("secret-of-" + id.value() + "-0123456789abcdef")),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD,
                        GrantType.REFRESH_TOKEN),
                List.of(new RedirectUri("https://client.example/cb"), new RedirectUri("https://client.example/cb2")),
                Scope.of("read", "write"));
    }

    public static RegisteredClient confidential() {
        return confidential(newId());
    }

    /** A public client using the password grant, without a secret. */
    public static RegisteredClient publicClient(ClientId id) {
        return new RegisteredClient(id, "Public " + id, ClientAuthMethod.NONE, Optional.empty(),
                Set.of(GrantType.PASSWORD, GrantType.REFRESH_TOKEN), List.of(), Scope.of("profile"));
    }
}

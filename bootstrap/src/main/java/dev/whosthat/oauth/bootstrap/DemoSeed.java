package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.adapter.memory.SecureRandomTokenGenerator;
import dev.whosthat.oauth.application.client.ClientRegistration;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.bootstrap.config.UserSeed;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.Username;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The demo client and user of a server started without a configuration file. Their secrets are
 * fresh random values on every start, printed once, so that a demo left running is not an open
 * door with well-known credentials.
 */
public final class DemoSeed {

    static final String CLIENT_ID = "demo-client";
    static final String BROWSER_CLIENT_ID = "demo-spa";
    static final String USERNAME = "demo";

    final ClientSecret clientSecret;
    final Password password;

    private DemoSeed(ClientSecret clientSecret, Password password) {
        this.clientSecret = clientSecret;
        this.password = password;
    }

    public static DemoSeed random() {
        var random = new SecureRandomTokenGenerator();
        return new DemoSeed(new ClientSecret(random.newToken().value()), new Password(random.newId()));
    }

    public ServerConfig addTo(ServerConfig config) {
        List<ClientRegistration> clients = new ArrayList<>(config.clients());
        clients.add(new ClientRegistration(new ClientId(CLIENT_ID), "whosThat demo client",
                ClientAuthMethod.CLIENT_SECRET_BASIC, Optional.of(clientSecret),
                Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN),
                List.of(), Scope.of("read", "write")));
        // A public browser client for the /demo page: code flow with PKCE, redirect back to this server.
        clients.add(new ClientRegistration(new ClientId(BROWSER_CLIENT_ID), "whosThat demo page",
                ClientAuthMethod.NONE, Optional.empty(), Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
                List.of(new RedirectUri(config.issuer() + "/demo/callback")), Scope.of("read", "write")));
        List<UserSeed> users = new ArrayList<>(config.users());
        users.add(new UserSeed(new Username(USERNAME), password));
        return new ServerConfig(config.issuer(), config.host(), config.port(), config.storage(), clients, users,
                config.tokenLifetimes(), config.passwordHashing(), config.throttling(), config.demo(), config.operations());
    }

    /** The start-up banner: what is running, the credentials, and commands to paste. */
    public String banner(String issuer) {
        String basic = CLIENT_ID + ":" + clientSecret.value();
        return String.join(System.lineSeparator(),
                "",
                "  WARNING: demo mode. Throw-away credentials printed below; not for production.",
                "  Start with --config FILE for a real deployment (see README).",
                "",
                "  demo client: " + CLIENT_ID + "  secret: " + clientSecret.value(),
                "  demo user:   " + USERNAME + "  password: " + password.value(),
                "",
                "  # a token for the client itself",
                "  curl -s -u '" + basic + "' -d grant_type=client_credentials " + issuer + "/oauth2/token",
                "  # a token for the demo user, with a refresh token",
                "  curl -s -u '" + basic + "' -d grant_type=password -d username=" + USERNAME
                        + " -d password='" + password.value() + "' " + issuer + "/oauth2/token",
                "  # call the protected resource with the access_token from above",
                "  curl -s -H 'Authorization: Bearer ACCESS_TOKEN' " + issuer + "/api/me",
                "  # or open " + issuer + "/demo in a browser: sign in as " + USERNAME + " for the authorization code flow with PKCE",
                "  # introspect or revoke it",
                "  curl -s -u '" + basic + "' -d token=ACCESS_TOKEN " + issuer + "/oauth2/introspect",
                "  curl -s -u '" + basic + "' -d token=ACCESS_TOKEN " + issuer + "/oauth2/revoke",
                "");
    }
}

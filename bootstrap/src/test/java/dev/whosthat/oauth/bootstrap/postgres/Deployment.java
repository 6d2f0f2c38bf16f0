package dev.whosthat.oauth.bootstrap.postgres;

import dev.whosthat.oauth.application.throttle.ThrottleSettings;
import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.application.client.ClientRegistration;
import dev.whosthat.oauth.bootstrap.OAuthServer;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.bootstrap.config.StorageSettings;
import dev.whosthat.oauth.bootstrap.config.UserSeed;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.PasswordHash;
import dev.whosthat.oauth.domain.user.Username;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the tests deploy: one confidential client and one user with unique names, so that tests on a
 * shared database never meet, and server nodes configured with them against a database.
 */
record Deployment(String clientId, String secret, String username, String password) {

    /** Every node of a deployment has the same issuer, as behind one load balancer. */
    static final String ISSUER = "http://127.0.0.1:9";
    static final String REDIRECT_URI = "https://client.example/cb";
    /** Hashing at the OWASP cost would only slow the tests down; the cost is not what they test. */
    static final Argon2idPasswordHasher.Cost CHEAP_HASHING = new Argon2idPasswordHasher.Cost(1024, 1, 1);

    private static final SecureRandom RANDOM = new SecureRandom();

    static Deployment unique() {
        String suffix = random(6);
        return new Deployment("client-" + suffix, "secret-" + random(24), "user-" + suffix, "password-" + random(8));
    }

    Deployment withSecret(String newSecret) {
        return new Deployment(clientId, newSecret, username, password);
    }

    Deployment withPassword(String newPassword) {
        return new Deployment(clientId, secret, username, newPassword);
    }

    ClientRegistration client() {
        return new ClientRegistration(new ClientId(clientId), "Test client " + clientId, ClientAuthMethod.CLIENT_SECRET_BASIC,
                Optional.of(new ClientSecret(secret)),
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.PASSWORD, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS),
                List.of(new RedirectUri(REDIRECT_URI)), Scope.of("read", "write"));
    }

    UserSeed user() {
        return new UserSeed(new Username(username), new Password(password));
    }

    ServerConfig nodeConfig(String databaseUri) {
        return nodeConfig(databaseUri, ThrottleSettings.DEFAULTS);
    }

    ServerConfig nodeConfig(String databaseUri, ThrottleSettings throttling) {
        return nodeConfig(databaseUri, throttling, user());
    }

    private ServerConfig nodeConfig(String databaseUri, ThrottleSettings throttling, UserSeed user) {
        return new ServerConfig(ISSUER, "127.0.0.1", 0,
                new StorageSettings(StorageSettings.Kind.POSTGRES, Optional.of(databaseUri), 4),
                List.of(client()), List.of(user), TokenLifetimes.DEFAULTS, CHEAP_HASHING, throttling, false);
    }

    OAuthServer startNode(String databaseUri) throws Exception {
        return OAuthServer.start(nodeConfig(databaseUri));
    }

    /** A node whose configuration gives the user's password as a hash, as {@code hash-password} prints it. */
    OAuthServer startNodeWithPasswordHash(String databaseUri) throws Exception {
        PasswordHash hash = new Argon2idPasswordHasher(CHEAP_HASHING, Runnable::run).hash(new Password(password))
                .toCompletableFuture().join();
        return OAuthServer.start(nodeConfig(databaseUri, ThrottleSettings.DEFAULTS, new UserSeed(new Username(username), hash)));
    }

    private static String random(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}

package dev.whosthat.oauth.bootstrap.observe;

import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.application.client.ClientRegistration;
import dev.whosthat.oauth.application.throttle.ThrottleSettings;
import dev.whosthat.oauth.bootstrap.OAuthServer;
import dev.whosthat.oauth.bootstrap.config.MetricsSettings;
import dev.whosthat.oauth.bootstrap.config.OperationsSettings;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.bootstrap.config.StorageSettings;
import dev.whosthat.oauth.bootstrap.config.UserSeed;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.Username;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An in-memory server with one confidential client and one user, driven over a socket. */
final class OpsServer implements AutoCloseable {

    static final String CLIENT_ID = "ops-client";
    static final String SECRET = "ops-secret-0123456789abcdef0123456789";
    static final String USERNAME = "olivia";
    static final String PASSWORD = "olivia-password-42";
    /** Hashing at the OWASP cost would only slow the tests down. */
    static final Argon2idPasswordHasher.Cost CHEAP_HASHING = new Argon2idPasswordHasher.Cost(1024, 1, 1);

    /** A client per server: a connection kept from an earlier test's server must never meet a later one on its port. */
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    final OAuthServer server;

    private OpsServer(OAuthServer server) {
        this.server = server;
    }

    static OpsServer start(MetricsSettings metrics) throws Exception {
        ServerConfig config = new ServerConfig("http://127.0.0.1:9", "127.0.0.1", 0, StorageSettings.MEMORY,
                List.of(client()), List.of(new UserSeed(new Username(USERNAME), new Password(PASSWORD))),
                TokenLifetimes.DEFAULTS, CHEAP_HASHING, ThrottleSettings.DEFAULTS, false, OperationsSettings.DEFAULTS.withMetrics(metrics));
        return new OpsServer(OAuthServer.start(config));
    }

    static ClientRegistration client() {
        return new ClientRegistration(new ClientId(CLIENT_ID), "Ops client", ClientAuthMethod.CLIENT_SECRET_BASIC,
                Optional.of(new ClientSecret(SECRET)),
                Set.of(GrantType.PASSWORD, GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS), List.of(), Scope.of("read"));
    }

    HttpResponse<String> get(String path) {
        return get(server.port(), path);
    }

    HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    HttpResponse<String> token(String clientId, String secret, String form) {
        return post("/oauth2/token", clientId, secret, form);
    }

    HttpResponse<String> post(String path, String clientId, String secret, String form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> passwordGrant() {
        return token(CLIENT_ID, SECRET, "grant_type=password&username=" + USERNAME + "&password=" + encode(PASSWORD) + "&scope=read");
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String field(HttpResponse<String> response, String name) {
        return response.body().replaceAll(".*\"" + name + "\":\"([^\"]+)\".*", "$1");
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}

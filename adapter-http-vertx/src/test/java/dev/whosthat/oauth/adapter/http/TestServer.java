package dev.whosthat.oauth.adapter.http;

import static java.util.concurrent.TimeUnit.SECONDS;

import dev.whosthat.oauth.adapter.http.bearer.BearerAuthHandler;
import dev.whosthat.oauth.adapter.http.resource.DemoResources;
import dev.whosthat.oauth.adapter.http.support.FormBodyHandler;
import dev.whosthat.oauth.adapter.http.support.Json;
import dev.whosthat.oauth.adapter.http.support.Responses;
import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.adapter.memory.InMemoryAuthorizationCodeStore;
import dev.whosthat.oauth.adapter.memory.InMemoryClientRepository;
import dev.whosthat.oauth.adapter.memory.InMemoryConsentStore;
import dev.whosthat.oauth.adapter.memory.InMemoryFailureCounter;
import dev.whosthat.oauth.domain.port.AuditTrail;
import dev.whosthat.oauth.adapter.memory.InMemorySessionStore;
import dev.whosthat.oauth.adapter.memory.InMemoryTokenStore;
import dev.whosthat.oauth.adapter.memory.InMemoryUserRepository;
import dev.whosthat.oauth.adapter.memory.SecureRandomTokenGenerator;
import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.application.throttle.ThrottleSettings;
import dev.whosthat.oauth.application.bearer.ValidateBearerToken;
import dev.whosthat.oauth.application.client.ClientRegistration;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.Username;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real HTTP adapter on a real socket, wired with the in-memory adapters, started once per test
 * class: {@code @RegisterExtension static final TestServer server = new TestServer();}. Besides the
 * OAuth endpoints and the demo resources it serves two routes that only tests need: one that
 * requires the {@code admin} scope, and a POST route that accepts the token in a form body
 * (RFC 6750 §2.2).
 */
public final class TestServer implements BeforeAllCallback, AfterAllCallback {

    public static final String ISSUER = "http://localhost:9000";
    public static final String REALM = ISSUER;
    public static final String ADMIN_ROUTE = "/test/admin";
    public static final String FORM_ROUTE = "/test/form-protected";

    /** client_secret_basic, every grant, scope "read write". */
    public static final TestClient BASIC = TestClient.confidential(
            "basic-client", ClientAuthMethod.CLIENT_SECRET_BASIC, "basic-secret-0123456789abcdefghijklmnopqrstuv");
    /** client_secret_post, every grant, scope "read write". */
    public static final TestClient POST = TestClient.confidential(
            "post-client", ClientAuthMethod.CLIENT_SECRET_POST, "post-secret-0123456789abcdefghijklmnopqrstuvw");
    /** A public client (auth method none) with the password and refresh grants, scope "read write". */
    public static final TestClient PUBLIC = TestClient.publicClient("public-client");
    /** client_secret_basic with the client credentials grant only, scope "read". */
    public static final TestClient MACHINE = TestClient.confidential(
            "machine-client", ClientAuthMethod.CLIENT_SECRET_BASIC, "machine-secret-0123456789abcdefghijklmnopqrs");
    /** An id and secret that must be form-encoded before they go into a Basic header (RFC 6749 §2.3.1). */
    public static final TestClient WEIRD = TestClient.confidential(
            "weird id:1", ClientAuthMethod.CLIENT_SECRET_BASIC, "p%ss:w0rd+%41 0123456789abcdefghijklmnopqrst");

    /** Public, authorization_code and refresh_token, scope "read write", two redirect URIs. */
    public static final TestClient CODE_PUBLIC = TestClient.publicClient("code-public");
    public static final String CODE_PUBLIC_REDIRECT = "https://app.example/cb";
    public static final String CODE_PUBLIC_OTHER_REDIRECT = "https://app.example/other";
    /** Public, authorization_code only (so no refresh token), scope "read write", one redirect URI with a query. */
    public static final TestClient CODE_SINGLE = TestClient.publicClient("code-single");
    public static final String CODE_SINGLE_REDIRECT = "https://app.example/cb?tenant=1";
    /** client_secret_basic, authorization_code and refresh_token, scope "read", registered with require_pkce false. */
    public static final TestClient CODE_LEGACY = TestClient.confidential(
            "code-legacy", ClientAuthMethod.CLIENT_SECRET_BASIC, "legacy-secret-0123456789abcdefghijklmnopqrs");
    public static final String CODE_LEGACY_REDIRECT = "https://legacy.example/cb";
    /** client_secret_basic with a redirect URI but without the authorization_code grant, scope "read". */
    public static final TestClient NO_CODE = TestClient.confidential(
            "no-code-client", ClientAuthMethod.CLIENT_SECRET_BASIC, "nocode-secret-0123456789abcdefghijklmnopqr");
    public static final String NO_CODE_REDIRECT = "https://nocode.example/cb";
    /** Public, authorization_code, scope "read", whose display name is markup. */
    public static final TestClient SCRIPT_NAMED = TestClient.publicClient("script-named");
    public static final String SCRIPT_NAME = "<script>alert('name')</script> Evil & Co";
    public static final String SCRIPT_NAMED_REDIRECT = "https://script.example/cb";

    /** The password of every user that {@link #newUser()} registers. */
    public static final String USER_PASSWORD = "tr0ub4dor & 3, but longer";

    public static final String ALICE = "alice";
    public static final String ALICE_PASSWORD = "correct horse battery staple";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Function<Clock, TokenStore> tokenStore;
    private final ThrottleSettings throttling;
    private ExecutorService hashing;
    private Vertx vertx;
    private HttpServer server;
    private HttpClient http;
    private OAuthUseCases useCases;
    private final AtomicInteger users = new AtomicInteger();

    /** The in-memory token store. */
    public TestServer() {
        this(InMemoryTokenStore::new);
    }

    /** Another token store, for instance one whose storage fails. */
    public TestServer(Function<Clock, TokenStore> tokenStore) {
        this(tokenStore, ThrottleSettings.DEFAULTS);
    }

    /** Other throttling policies, for instance ones quick enough to wait out in a test. */
    public TestServer(ThrottleSettings throttling) {
        this(InMemoryTokenStore::new, throttling);
    }

    private TestServer(Function<Clock, TokenStore> tokenStore, ThrottleSettings throttling) {
        this.tokenStore = tokenStore;
        this.throttling = throttling;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Clock clock = Clock.systemUTC();
        hashing = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "test-password-hashing");
            thread.setDaemon(true);
            return thread;
        });
        OAuthUseCases useCases = OAuthUseCases.wire(new OAuthUseCases.Ports(
                new InMemoryClientRepository(),
                new InMemoryUserRepository(),
                tokenStore.apply(clock),
                new InMemoryAuthorizationCodeStore(),
                new InMemorySessionStore(),
                new InMemoryConsentStore(),
                new InMemoryFailureCounter(),
                new Argon2idPasswordHasher(new Argon2idPasswordHasher.Cost(64, 1, 1), hashing),
                new SecureRandomTokenGenerator(),
                AuditTrail.NONE,
                clock), TokenLifetimes.DEFAULTS, throttling);
        registerClients(useCases);
        this.useCases = useCases;
        useCases.registerUser().handle(new Username(ALICE), new Password(ALICE_PASSWORD))
                .toCompletableFuture().get(10, SECONDS).orElseThrow();

        vertx = Vertx.vertx();
        Router router = OAuthRoutes.router(vertx, useCases, new OAuthHttpSettings(
                ISSUER, OAuthHttpSettings.DEFAULT_BODY_LIMIT, List.of("read", "write")));
        DemoResources.mount(router, useCases.validateBearerToken(), REALM);
        mountTestRoutes(router, useCases.validateBearerToken());
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, SECONDS);
        http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .build();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, SECONDS);
        }
        if (hashing != null) {
            hashing.shutdownNow();
        }
    }

    private static void registerClients(OAuthUseCases useCases) throws Exception {
        Scope readWrite = Scope.of(List.of("read", "write"));
        Set<GrantType> all = EnumSet.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        register(useCases, BASIC, all, readWrite);
        register(useCases, POST, all, readWrite);
        register(useCases, PUBLIC, EnumSet.of(GrantType.PASSWORD, GrantType.REFRESH_TOKEN), readWrite);
        register(useCases, MACHINE, EnumSet.of(GrantType.CLIENT_CREDENTIALS), Scope.of("read"));
        register(useCases, WEIRD, EnumSet.of(GrantType.CLIENT_CREDENTIALS), Scope.of("read"));
        registerForCode(useCases, CODE_PUBLIC, CODE_PUBLIC.id(), EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
                List.of(CODE_PUBLIC_REDIRECT, CODE_PUBLIC_OTHER_REDIRECT), readWrite, true);
        registerForCode(useCases, CODE_SINGLE, CODE_SINGLE.id(), EnumSet.of(GrantType.AUTHORIZATION_CODE),
                List.of(CODE_SINGLE_REDIRECT), readWrite, true);
        registerForCode(useCases, CODE_LEGACY, CODE_LEGACY.id(), EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
                List.of(CODE_LEGACY_REDIRECT), Scope.of("read"), false);
        registerForCode(useCases, NO_CODE, NO_CODE.id(), EnumSet.of(GrantType.CLIENT_CREDENTIALS),
                List.of(NO_CODE_REDIRECT), Scope.of("read"), true);
        registerForCode(useCases, SCRIPT_NAMED, SCRIPT_NAME, EnumSet.of(GrantType.AUTHORIZATION_CODE),
                List.of(SCRIPT_NAMED_REDIRECT), Scope.of("read"), true);
    }

    private static void register(OAuthUseCases useCases, TestClient client, Set<GrantType> grants, Scope scope)
            throws Exception {
        var registration = new ClientRegistration(new ClientId(client.id()), client.id(), client.method(),
                client.secret().map(ClientSecret::new), grants, List.of(), scope);
        useCases.registerClient().handle(registration).toCompletableFuture().get(10, SECONDS).orElseThrow();
    }

    private static void registerForCode(OAuthUseCases useCases, TestClient client, String name, Set<GrantType> grants,
                                        List<String> redirectUris, Scope scope, boolean requirePkce) throws Exception {
        var registration = new ClientRegistration(new ClientId(client.id()), name, client.method(),
                client.secret().map(ClientSecret::new), grants, redirectUris.stream().map(RedirectUri::new).toList(), scope,
                requirePkce);
        useCases.registerClient().handle(registration).toCompletableFuture().get(10, SECONDS).orElseThrow();
    }

    /**
     * A resource owner no test has used yet, with {@link #USER_PASSWORD}: consents are remembered
     * per user, so a test that needs the consent page starts from a user who never gave one.
     */
    public String newUser() {
        String username = "user-" + users.incrementAndGet();
        try {
            useCases.registerUser().handle(new Username(username), new Password(USER_PASSWORD))
                    .toCompletableFuture().get(10, SECONDS).orElseThrow();
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new AssertionError("could not register " + username, e);
        }
        return username;
    }

    private static void mountTestRoutes(Router router, ValidateBearerToken validate) {
        router.get(ADMIN_ROUTE)
                .handler(BearerAuthHandler.requiring(validate, REALM, Scope.of("admin")))
                .handler(TestServer::whoIsCalling);
        router.post(FORM_ROUTE)
                .handler(new FormBodyHandler(OAuthHttpSettings.DEFAULT_BODY_LIMIT))
                .handler(BearerAuthHandler.requiring(validate, REALM, Scope.EMPTY))
                .handler(TestServer::whoIsCalling);
    }

    private static void whoIsCalling(RoutingContext ctx) {
        AccessToken token = BearerAuthHandler.token(ctx);
        Responses.json(ctx, 200, Json.write(Map.of("client_id", token.clientId().value(), "sub", token.subject())));
    }

    // --- requests -------------------------------------------------------------------------------

    public int port() {
        return server.actualPort();
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    /** A request builder for this server with the test timeout. */
    public HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(TIMEOUT);
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .get(TIMEOUT.toSeconds() + 1, SECONDS);
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (ExecutionException e) {
            throw new AssertionError("request failed: " + request, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no response to " + request, e);
        }
    }

    /** GET with headers given as name, value, name, value. */
    public Reply get(String pathAndQuery, String... headers) {
        return send(withHeaders(request(pathAndQuery).GET(), headers).build());
    }

    /** POST of a form body, with headers given as name, value, name, value. */
    public Reply postForm(String path, String body, String... headers) {
        return send(withHeaders(request(path), headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder, String... headers) {
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    /** A token request, authenticated the way {@code client} is registered to. */
    public Reply token(TestClient client, String... params) {
        return authenticated(OAuthRoutes.TOKEN, client, params);
    }

    public Reply introspect(TestClient client, String token) {
        return authenticated(OAuthRoutes.INTROSPECT, client, "token", token);
    }

    public Reply revoke(TestClient client, String token) {
        return authenticated(OAuthRoutes.REVOKE, client, "token", token);
    }

    /** A POST to a client-authenticated endpoint, authenticated the way {@code client} is registered to. */
    public Reply authenticated(String path, TestClient client, String... params) {
        List<String> form = new ArrayList<>(Arrays.asList(params));
        return switch (client.method()) {
            case CLIENT_SECRET_BASIC -> postForm(path, Forms.of(params), "Authorization", client.basic());
            case CLIENT_SECRET_POST -> {
                form.addAll(List.of("client_id", client.id(), "client_secret", client.secret().orElseThrow()));
                yield postForm(path, Forms.of(form.toArray(String[]::new)));
            }
            case NONE -> {
                form.addAll(List.of("client_id", client.id()));
                yield postForm(path, Forms.of(form.toArray(String[]::new)));
            }
        };
    }

    /** The demo resource that tells whose token it is. */
    public Reply me(String accessToken) {
        return get("/api/me", "Authorization", "Bearer " + accessToken);
    }

    // --- common flows ---------------------------------------------------------------------------

    /** A fresh access token of {@code client} for itself; fails the test if none is issued. */
    public String clientCredentialsToken(TestClient client, String... extraParams) {
        return issued(token(client, prepend(extraParams, "grant_type", "client_credentials"))).text("access_token");
    }

    /** Alice's tokens, obtained by {@code client} with the password grant. */
    public Reply aliceTokens(TestClient client, String... extraParams) {
        return issued(token(client, prepend(extraParams, "grant_type", "password", "username", ALICE, "password", ALICE_PASSWORD)));
    }

    private static Reply issued(Reply reply) {
        if (reply.status() != 200) {
            throw new AssertionError("expected tokens, got " + reply);
        }
        return reply;
    }

    private static String[] prepend(String[] rest, String... first) {
        String[] all = Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}

package dev.whosthat.oauth.application;

import dev.whosthat.oauth.application.throttle.ThrottleSettings;
import dev.whosthat.oauth.domain.audit.SecurityEvent;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.port.AuditTrail;
import java.util.concurrent.CopyOnWriteArrayList;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.adapter.memory.InMemoryAuthorizationCodeStore;
import dev.whosthat.oauth.adapter.memory.InMemoryClientRepository;
import dev.whosthat.oauth.adapter.memory.InMemoryConsentStore;
import dev.whosthat.oauth.adapter.memory.InMemoryFailureCounter;
import dev.whosthat.oauth.adapter.memory.InMemorySessionStore;
import dev.whosthat.oauth.adapter.memory.InMemoryTokenStore;
import dev.whosthat.oauth.adapter.memory.InMemoryUserRepository;
import dev.whosthat.oauth.adapter.memory.SecureRandomTokenGenerator;
import dev.whosthat.oauth.application.authorize.AuthorizationCheck;
import dev.whosthat.oauth.application.authorize.AuthorizationParameters;
import dev.whosthat.oauth.application.authorize.AuthorizationRequest;
import dev.whosthat.oauth.application.client.ClientRegistration;
import dev.whosthat.oauth.application.introspect.ClientTokenRequest;
import dev.whosthat.oauth.application.introspect.Introspection;
import dev.whosthat.oauth.application.introspect.TokenHint;
import dev.whosthat.oauth.application.revoke.RevokeToken;
import dev.whosthat.oauth.application.token.GrantRequest;
import dev.whosthat.oauth.application.token.TokenGranted;
import dev.whosthat.oauth.application.token.TokenRequest;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.code.CodeVerifier;
import dev.whosthat.oauth.domain.code.PkceChallenge;
import dev.whosthat.oauth.domain.error.OAuthError;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.token.TokenValue;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Every use case wired to the memory adapters, a {@link TestClock} and a cheap Argon2id cost, with
 * shortcuts for the requests tests make. One harness per test.
 */
public final class Harness {

    public static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");
    public static final Duration ACCESS_LIFETIME = Duration.ofHours(1);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(30);
    public static final Argon2idPasswordHasher.Cost COST = new Argon2idPasswordHasher.Cost(64, 1, 1);

    private static final ExecutorService HASHING = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "test-password-hashing");
        thread.setDaemon(true);
        return thread;
    });

    public final TestClock clock = new TestClock(NOW);
    public final InMemoryClientRepository clients = new InMemoryClientRepository();
    public final InMemoryUserRepository users = new InMemoryUserRepository();
    public final InMemoryTokenStore tokens = new InMemoryTokenStore(clock);
    public final InMemoryAuthorizationCodeStore codes = new InMemoryAuthorizationCodeStore();
    public final InMemorySessionStore sessions = new InMemorySessionStore();
    public final InMemoryConsentStore consents = new InMemoryConsentStore();
    public final InMemoryFailureCounter failures = new InMemoryFailureCounter();
    /** Every security event the use cases recorded, in order. */
    public final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
    public final AuditTrail audit = events::add;
    public final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher(COST, HASHING);
    public final SecureRandomTokenGenerator generator = new SecureRandomTokenGenerator();
    public final OAuthUseCases useCases = OAuthUseCases.wire(
            new OAuthUseCases.Ports(clients, users, tokens, codes, sessions, consents, failures, hasher, generator, audit, clock),
            new TokenLifetimes(ACCESS_LIFETIME, REFRESH_LIFETIME));

    /** A registered client and the credentials it presents. */
    public record TestClient(RegisteredClient registered, Optional<ClientSecret> secret, ClientCredentials credentials) {

        public ClientId id() {
            return registered.id();
        }
    }

    /** A registered user and the password in clear. */
    public record TestUser(UserAccount account, Password password) {

        public Username username() {
            return account.username();
        }
    }

    /** Hashing stages complete on a worker thread; five seconds is generous for the cheap cost. */
    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stage did not complete within 5 seconds: " + e, e);
        }
    }

    /** The error of a rejected outcome; fails the test on success. */
    public static OAuthError rejection(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
        return ((Outcome.Rejected<?>) outcome).error();
    }

    public static OAuthErrorCode errorCode(Outcome<?> outcome) {
        return rejection(outcome).code();
    }

    public static Scope scope(String wire) {
        return Scope.parse(wire).orElseThrow();
    }

    // --- registration ----------------------------------------------------------------------

    public TestClient confidential(Scope scope, GrantType... grants) {
        return confidential(ClientAuthMethod.CLIENT_SECRET_BASIC, scope, grants);
    }

    public TestClient confidential(ClientAuthMethod method, Scope scope, GrantType... grants) {
        ClientId id = new ClientId("client-" + generator.newId());
        ClientSecret secret = new ClientSecret(generator.newToken().value());
        var registration = new ClientRegistration(id, "Test " + id, method, Optional.of(secret), Set.of(grants),
                List.of(), scope);
        RegisteredClient registered = await(useCases.registerClient().handle(registration)).orElseThrow();
        return new TestClient(registered, Optional.of(secret), new ClientCredentials.WithSecret(id, secret, method));
    }

    public TestClient publicClient(Scope scope, GrantType... grants) {
        ClientId id = new ClientId("public-" + generator.newId());
        var registration = new ClientRegistration(id, "Public " + id, ClientAuthMethod.NONE, Optional.empty(),
                Set.of(grants), List.of(), scope);
        RegisteredClient registered = await(useCases.registerClient().handle(registration)).orElseThrow();
        return new TestClient(registered, Optional.empty(), new ClientCredentials.PublicClient(id));
    }

    public TestUser user() {
        Username username = new Username("user-" + generator.newId());
        Password password = new Password("pw-" + generator.newId());
        UserAccount account = await(useCases.registerUser().handle(username, password)).orElseThrow();
        return new TestUser(account, password);
    }

    // --- requests --------------------------------------------------------------------------

    public Outcome<TokenGranted> token(ClientCredentials credentials, GrantRequest grant) {
        return await(useCases.requestToken().handle(new TokenRequest(credentials, grant)));
    }

    public Outcome<TokenGranted> clientCredentials(TestClient client, Scope scope) {
        return token(client.credentials(), new GrantRequest.ClientCredentials(scope));
    }

    public Outcome<TokenGranted> password(TestClient client, Username username, Password password, Scope scope) {
        return token(client.credentials(), new GrantRequest.ResourceOwnerPassword(username, password, scope));
    }

    public Outcome<TokenGranted> password(TestClient client, TestUser user, Scope scope) {
        return password(client, user.username(), user.password(), scope);
    }

    public Outcome<TokenGranted> refresh(TestClient client, TokenValue refreshToken, Scope scope) {
        return token(client.credentials(), new GrantRequest.Refresh(refreshToken, scope));
    }

    public Outcome<AccessToken> validate(TokenValue accessToken, Scope required) {
        return validate(accessToken.value(), required);
    }

    public Outcome<AccessToken> validate(String presented, Scope required) {
        return await(useCases.validateBearerToken().handle(presented, required));
    }

    public Outcome<Introspection> introspect(TestClient asker, TokenValue token) {
        return introspect(asker.credentials(), Optional.of(token), Optional.empty());
    }

    public Outcome<Introspection> introspect(ClientCredentials asker, Optional<TokenValue> token, Optional<TokenHint> hint) {
        return await(useCases.introspectToken().handle(new ClientTokenRequest(asker, token, hint)));
    }

    public Outcome<RevokeToken.Revoked> revoke(TestClient client, TokenValue token) {
        return revoke(client.credentials(), Optional.of(token), Optional.empty());
    }

    public Outcome<RevokeToken.Revoked> revoke(ClientCredentials client, Optional<TokenValue> token, Optional<TokenHint> hint) {
        return await(useCases.revokeToken().handle(new ClientTokenRequest(client, token, hint)));
    }

    /** The first characters of every grant id opened at {@link #NOW}: its issue time (see {@code GrantId.issuedAt}). */
    public static String grantTimeAtNow() {
        return GrantId.issuedAt(NOW, "A".repeat(22)).value().substring(0, 8);
    }

    public static TokenValue accessValue(TokenGranted granted) {
        return granted.tokens().access().value();
    }

    public static TokenValue refreshValue(TokenGranted granted) {
        return granted.tokens().refresh().orElseThrow().value();
    }

    // --- authorization code flow (RFC 6749 §4.1, RFC 7636) ----------------------------------

    public static final String CALLBACK = "https://app.example/callback";
    public static final String STATE = "af0ifjsldkj";

    /** Every use case wired to this harness's ports and clock, with other throttling policies. */
    public OAuthUseCases wiredWith(ThrottleSettings throttling) {
        return OAuthUseCases.wire(
                new OAuthUseCases.Ports(clients, users, tokens, codes, sessions, consents, failures, hasher, generator, audit, clock),
                new TokenLifetimes(ACCESS_LIFETIME, REFRESH_LIFETIME), throttling);
    }

    /** The events of one type, in the order recorded. */
    public List<SecurityEvent> events(SecurityEventType type) {
        return events.stream().filter(e -> e.type() == type).toList();
    }

    /** Every use case wired to this harness's ports and clock, with other lifetimes. */
    public OAuthUseCases wiredWith(TokenLifetimes lifetimes) {
        return OAuthUseCases.wire(
                new OAuthUseCases.Ports(clients, users, tokens, codes, sessions, consents, failures, hasher, generator, audit, clock), lifetimes);
    }

    /** A confidential client with {@link #CALLBACK} as its one redirect URI, requiring PKCE. */
    public TestClient webApp(Scope scope, GrantType... grants) {
        return webApp(scope, List.of(CALLBACK), true, grants);
    }

    public TestClient webApp(Scope scope, List<String> redirectUris, boolean requirePkce, GrantType... grants) {
        ClientId id = new ClientId("web-" + generator.newId());
        ClientSecret secret = new ClientSecret(generator.newToken().value());
        var registration = new ClientRegistration(id, "Web " + id, ClientAuthMethod.CLIENT_SECRET_BASIC, Optional.of(secret),
                Set.of(grants), redirectUris.stream().map(RedirectUri::new).toList(), scope, requirePkce);
        RegisteredClient registered = await(useCases.registerClient().handle(registration)).orElseThrow();
        return new TestClient(registered, Optional.of(secret),
                new ClientCredentials.WithSecret(id, secret, ClientAuthMethod.CLIENT_SECRET_BASIC));
    }

    /** A public client with {@link #CALLBACK} as its one redirect URI. */
    public TestClient publicApp(Scope scope, GrantType... grants) {
        return publicApp(scope, List.of(CALLBACK), grants);
    }

    public TestClient publicApp(Scope scope, List<String> redirectUris, GrantType... grants) {
        ClientId id = new ClientId("spa-" + generator.newId());
        var registration = new ClientRegistration(id, "App " + id, ClientAuthMethod.NONE, Optional.empty(), Set.of(grants),
                redirectUris.stream().map(RedirectUri::new).toList(), scope);
        RegisteredClient registered = await(useCases.registerClient().handle(registration)).orElseThrow();
        return new TestClient(registered, Optional.empty(), new ClientCredentials.PublicClient(id));
    }

    /** A fresh PKCE code verifier (RFC 7636 §4.1): 43 base64url characters. */
    public CodeVerifier verifier() {
        return new CodeVerifier(generator.newToken().value());
    }

    /** Authorization request parameters as they come off the wire; {@link #add} repeats a name. */
    public static final class Params {

        private final Map<String, List<String>> values = new LinkedHashMap<>();

        public Params add(String name, String value) {
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            return this;
        }

        public Params set(String name, String value) {
            values.put(name, new ArrayList<>(List.of(value)));
            return this;
        }

        public Params remove(String name) {
            values.remove(name);
            return this;
        }

        public AuthorizationParameters build() {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            values.forEach((name, given) -> copy.put(name, List.copyOf(given)));
            return new AuthorizationParameters(copy);
        }
    }

    public static Params params() {
        return new Params();
    }

    /**
     * A complete code request of the client: {@code response_type=code}, its first redirect URI, an
     * S256 challenge of {@code verifier} and {@link #STATE}; no scope, so the client's whole scope.
     */
    public static Params codeRequest(TestClient client, CodeVerifier verifier) {
        return params()
                .set("response_type", "code")
                .set("client_id", client.id().value())
                .set("redirect_uri", client.registered().redirectUris().get(0).value())
                .set("code_challenge", PkceChallenge.of(verifier).value())
                .set("code_challenge_method", PkceChallenge.S256)
                .set("state", STATE);
    }

    public AuthorizationCheck authorize(Params params) {
        return await(useCases.validateAuthorizationRequest().handle(params.build()));
    }

    /** The checked request; fails the test unless the parameters are valid. */
    public AuthorizationRequest validRequest(Params params) {
        AuthorizationCheck check = authorize(params);
        assertThat(check).isInstanceOf(AuthorizationCheck.Valid.class);
        return ((AuthorizationCheck.Valid) check).request();
    }

    /** The user approved: the clear code that goes into the redirect. */
    public TokenValue issueCode(AuthorizationRequest request, TestUser user) {
        return await(useCases.issueAuthorizationCode().handle(request, user.account().asOwner()));
    }

    /** A code for {@link #codeRequest} of the client with the given scope, approved by {@code user}. */
    public TokenValue code(TestClient client, TestUser user, CodeVerifier verifier, Scope scope) {
        Params params = codeRequest(client, verifier);
        if (!scope.isEmpty()) {
            params.set("scope", scope.wire());
        }
        return issueCode(validRequest(params), user);
    }

    public Outcome<TokenGranted> exchange(TestClient client, TokenValue code, Optional<String> redirectUri,
                                          Optional<CodeVerifier> verifier) {
        return exchange(client.credentials(), code, redirectUri, verifier);
    }

    public Outcome<TokenGranted> exchange(ClientCredentials credentials, TokenValue code, Optional<String> redirectUri,
                                          Optional<CodeVerifier> verifier) {
        return token(credentials, new GrantRequest.AuthorizationCode(code, redirectUri, verifier));
    }

    /** The token request a well-behaved client makes: the first redirect URI and the verifier. */
    public Outcome<TokenGranted> exchange(TestClient client, TokenValue code, CodeVerifier verifier) {
        return exchange(client, code, Optional.of(client.registered().redirectUris().get(0).value()), Optional.of(verifier));
    }
}

package dev.whosthat.oauth.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.application.token.GrantRequest;
import dev.whosthat.oauth.application.token.TokenGranted;
import dev.whosthat.oauth.application.token.TokenRequest;
import dev.whosthat.oauth.bootstrap.AdminStorage;
import dev.whosthat.oauth.bootstrap.cli.CliRun.Result;
import dev.whosthat.oauth.bootstrap.config.ConfigLoader;
import dev.whosthat.oauth.bootstrap.postgres.TestPostgres;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.session.LoginSession;
import dev.whosthat.oauth.domain.token.Minted;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.token.TokenValue;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.Username;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command against a real PostgreSQL (a fresh database per test), checked by its exit code, its
 * output, and what the server's own use cases then find in the same database.
 */
class CliPostgresTest {

    @TempDir
    Path dir;

    private String uri;
    private String config;
    private AdminStorage storage;
    private OAuthUseCases oauth;

    @BeforeEach
    void freshDatabase() throws Exception {
        uri = FreshDatabase.create();
        Path file = dir.resolve("server.json");
        Files.writeString(file, "{\"storage\": {\"kind\": \"postgres\", \"uri\": \"" + uri + "\", \"pool_size\": 2}}");
        config = file.toString();
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    /** The server's view of the same database, opened after the command under test migrated it. */
    private OAuthUseCases server() {
        if (storage == null) {
            storage = AdminStorage.open(ConfigLoader.load(Optional.of(Path.of(config)), java.util.Map.of()));
            oauth = OAuthUseCases.wire(storage.ports(), TokenLifetimes.DEFAULTS);
        }
        return oauth;
    }

    private static <T> T await(CompletionStage<T> stage) throws Exception {
        return stage.toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private Result cli(String... args) {
        return CliRun.command().run(withConfig(args));
    }

    private Result cliWithStdin(String stdin, String... args) {
        return CliRun.command().stdin(stdin).run(withConfig(args));
    }

    private String[] withConfig(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--config";
        all[args.length + 1] = config;
        return all;
    }

    private ClientSecret createdConfidential(String id, String... options) {
        String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("clients", "create", id),
                java.util.Arrays.stream(options)).toArray(String[]::new);
        Result created = cli(args);
        assertThat(created.exitCode()).as(created.toString()).isZero();
        return new ClientSecret(created.out().strip());
    }

    private Outcome<TokenGranted> token(String clientId, ClientSecret secret, GrantRequest grant) throws Exception {
        var credentials = new ClientCredentials.WithSecret(new ClientId(clientId), secret, ClientAuthMethod.CLIENT_SECRET_BASIC);
        return await(server().requestToken().handle(new TokenRequest(credentials, grant)));
    }

    private boolean validates(TokenValue accessToken) throws Exception {
        return await(server().validateBearerToken().handle(accessToken.value(), Scope.EMPTY)).isOk();
    }

    // --- clients ------------------------------------------------------------------------------

    @Test
    void createdClientsSecretIsPrintedOnceWorksAndIsStoredOnlyAsItsDigest() throws Exception {
        Result created = cli("clients", "create", "reports", "--name", "Nightly reports", "--scope", "reports:read");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.outLines()).hasSize(1);
        ClientSecret secret = new ClientSecret(created.out().strip());
        assertThat(secret.value()).hasSizeGreaterThanOrEqualTo(ClientSecret.MIN_REGISTERED_LENGTH).matches("[A-Za-z0-9_-]+");
        assertThat(created.err()).contains("shown this once");
        server();
        RegisteredClient stored = await(storage.ports().clients().findById(new ClientId("reports"))).orElseThrow();
        assertThat(stored.secretDigest()).contains(secret.digest());
        assertThat(stored.name()).isEqualTo("Nightly reports");
        assertThat(token("reports", secret, new GrantRequest.ClientCredentials(Scope.EMPTY)).isOk()).isTrue();

        String shown = cli("clients", "show", "reports").out() + cli("clients", "list").out()
                + cli("clients", "list", "--json").out();
        assertThat(shown).contains("reports").doesNotContain(secret.value()).doesNotContain(secret.digest().hex());
    }

    @Test
    void createWithJsonPrintsTheClientAndItsSecret() throws Exception {
        Result created = cli("clients", "create", "web", "--json", "--grant-type", "authorization_code",
                "--grant-type", "refresh_token", "--redirect-uri", "https://app.example/cb");

        JsonNode json = JsonMapper.builder().build().readTree(created.out());
        assertThat(created.exitCode()).isZero();
        assertThat(json.get("client_id").asText()).isEqualTo("web");
        assertThat(json.get("token_endpoint_auth_method").asText()).isEqualTo("client_secret_basic");
        assertThat(json.get("redirect_uris").get(0).asText()).isEqualTo("https://app.example/cb");
        ClientSecret secret = new ClientSecret(json.get("client_secret").asText());
        server();
        assertThat(await(storage.ports().clients().findById(new ClientId("web")))
                .flatMap(RegisteredClient::secretDigest)).contains(secret.digest());
    }

    @Test
    void publicClientGetsNoSecret() throws Exception {
        Result created = cli("clients", "create", "spa", "--public", "--redirect-uri", "https://spa.example/cb");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).isEmpty();
        assertThat(cli("clients", "list").outLines())
                .containsExactly("spa\tnone\tauthorization_code,refresh_token\t-\thttps://spa.example/cb\ttrue\tspa");
    }

    @Test
    void creatingATakenClientIdIsExitFourAndKeepsTheFirst() throws Exception {
        ClientSecret first = createdConfidential("reports");

        Result again = cli("clients", "create", "reports");

        assertThat(again.exitCode()).isEqualTo(ExitCodes.ALREADY_EXISTS);
        assertThat(again.out()).isEmpty();
        assertThat(again.err()).isEqualTo("error: client reports already exists\n");
        assertThat(token("reports", first, new GrantRequest.ClientCredentials(Scope.EMPTY)).isOk()).isTrue();
    }

    @Test
    void listIsOneTabSeparatedLinePerClientOrdered() {
        createdConfidential("b-service", "--scope", "read write", "--grant-type", "client_credentials,password");
        createdConfidential("a-service", "--auth-method", "client_secret_post", "--no-require-pkce",
                "--grant-type", "authorization_code", "--redirect-uri", "https://a.example/cb", "--redirect-uri",
                "https://a.example/cb2", "--name", "Service A");

        Result listed = cli("clients", "list");

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.outLines()).containsExactly(
                "a-service\tclient_secret_post\tauthorization_code\t-\thttps://a.example/cb https://a.example/cb2\tfalse\tService A",
                "b-service\tclient_secret_basic\tclient_credentials,password\tread write\t-\ttrue\tb-service");
        assertThat(listed.err()).isEmpty();
    }

    @Test
    void rotatedSecretReplacesTheOldOneAtOnce() throws Exception {
        ClientSecret old = createdConfidential("reports");

        Result rotated = cli("clients", "rotate-secret", "reports");

        assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
        ClientSecret fresh = new ClientSecret(rotated.out().strip());
        assertThat(fresh.value()).isNotEqualTo(old.value()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(token("reports", old, new GrantRequest.ClientCredentials(Scope.EMPTY)).isOk()).isFalse();
        assertThat(token("reports", fresh, new GrantRequest.ClientCredentials(Scope.EMPTY)).isOk()).isTrue();
    }

    @Test
    void rotatingAPublicOrUnknownClientChangesNothing() {
        cli("clients", "create", "spa", "--public", "--redirect-uri", "https://spa.example/cb");

        Result publicClient = cli("clients", "rotate-secret", "spa");
        Result unknown = cli("clients", "rotate-secret", "nobody");

        assertThat(publicClient.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(publicClient.err()).contains("public").contains("no secret");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(publicClient.out() + unknown.out()).isEmpty();
    }

    @Test
    void deletedClientsTokensNoLongerValidate() throws Exception {
        ClientSecret secret = createdConfidential("reports", "--grant-type", "client_credentials,password,refresh_token");
        createdConfidential("other");
        assertThat(cliWithStdin("pw of alice\n", "users", "create", "alice").exitCode()).isZero();
        TokenGranted clientToken = token("reports", secret, new GrantRequest.ClientCredentials(Scope.EMPTY)).orElseThrow();
        TokenGranted userTokens = token("reports", secret, new GrantRequest.ResourceOwnerPassword(new Username("alice"),
                new Password("pw of alice"), Scope.EMPTY)).orElseThrow();
        assertThat(validates(clientToken.tokens().access().value())).isTrue();

        Result deleted = cli("clients", "delete", "reports");

        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).isEqualTo("deleted client reports\n");
        assertThat(validates(clientToken.tokens().access().value())).isFalse();
        assertThat(validates(userTokens.tokens().access().value())).isFalse();
        assertThat(await(storage.ports().tokens().findRefreshToken(userTokens.tokens().refresh().orElseThrow().value().digest())))
                .isEmpty();
        assertThat(cli("clients", "list").outLines()).singleElement().asString().startsWith("other\t");
        assertThat(cli("clients", "show", "reports").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(cli("clients", "delete", "reports").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    // --- users --------------------------------------------------------------------------------

    @Test
    void createdUserSignsInWithThePasswordFromStandardInput() throws Exception {
        ClientSecret secret = createdConfidential("app", "--grant-type", "password");

        Result created = cliWithStdin("correct horse battery staple\n", "users", "create", "alice");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.out()).startsWith("created user alice with subject ").doesNotContain("correct horse");
        assertThat(token("app", secret, new GrantRequest.ResourceOwnerPassword(new Username("alice"),
                new Password("correct horse battery staple"), Scope.EMPTY)).isOk()).isTrue();
        assertThat(cliWithStdin("another\n", "users", "create", "alice").exitCode()).isEqualTo(ExitCodes.ALREADY_EXISTS);
        assertThat(cliWithStdin("", "users", "create", "bob").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void usersAreListedByUsernameWithTheirSubject() throws Exception {
        cliWithStdin("pw-b\n", "users", "create", "bob");
        cliWithStdin("pw-a\n", "users", "create", "alice");
        String aliceSubject = await(server().signIn().handle(new Username("alice"), new Password("pw-a")))
                .orElseThrow().token().owner().subject().value();

        Result listed = cli("users", "list");
        Result json = cli("users", "list", "--json");

        assertThat(listed.outLines()).hasSize(2);
        assertThat(listed.outLines().get(0)).isEqualTo("alice\t" + aliceSubject);
        assertThat(listed.outLines().get(1)).startsWith("bob\t");
        assertThat(JsonMapper.builder().build().readTree(json.out()).get(0).get("subject").asText()).isEqualTo(aliceSubject);
        assertThat(listed.out() + json.out()).doesNotContain("pw-a").doesNotContain("argon2");
    }

    @Test
    void newPasswordReplacesTheOldAndEndsTheSignInSessions() throws Exception {
        cliWithStdin("old password\n", "users", "create", "alice");
        Minted<LoginSession> session = await(server().signIn().handle(new Username("alice"), new Password("old password")))
                .orElseThrow();

        Result changed = cliWithStdin("new password\n", "users", "set-password", "alice");

        assertThat(changed.exitCode()).as(changed.toString()).isZero();
        assertThat(await(server().findSession().handle(Optional.of(session.value().value())))).isEmpty();
        assertThat(await(server().signIn().handle(new Username("alice"), new Password("old password"))).isOk()).isFalse();
        assertThat(await(server().signIn().handle(new Username("alice"), new Password("new password"))).isOk()).isTrue();
        assertThat(cliWithStdin("x\n", "users", "set-password", "nobody").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    @Test
    void deletedUsersTokensAndSessionsEnd() throws Exception {
        ClientSecret secret = createdConfidential("app", "--grant-type", "password,refresh_token");
        cliWithStdin("pw of alice\n", "users", "create", "alice");
        cliWithStdin("pw of bob\n", "users", "create", "bob");
        TokenGranted alices = token("app", secret, new GrantRequest.ResourceOwnerPassword(new Username("alice"),
                new Password("pw of alice"), Scope.EMPTY)).orElseThrow();
        TokenGranted bobs = token("app", secret, new GrantRequest.ResourceOwnerPassword(new Username("bob"),
                new Password("pw of bob"), Scope.EMPTY)).orElseThrow();
        Minted<LoginSession> session = await(server().signIn().handle(new Username("alice"), new Password("pw of alice")))
                .orElseThrow();

        Result deleted = cli("users", "delete", "alice");

        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.out()).isEqualTo("deleted user alice\n");
        assertThat(validates(alices.tokens().access().value())).isFalse();
        assertThat(token("app", secret, new GrantRequest.Refresh(alices.tokens().refresh().orElseThrow().value(), Scope.EMPTY))
                .isOk()).isFalse();
        assertThat(await(server().findSession().handle(Optional.of(session.value().value())))).isEmpty();
        assertThat(validates(bobs.tokens().access().value())).isTrue();
        assertThat(cli("users", "list").outLines()).singleElement().asString().startsWith("bob\t");
        assertThat(cli("users", "delete", "alice").exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
    }

    // --- migrate, configuration, failures ------------------------------------------------------

    @Test
    void migrateReportsTheVersionsBeforeAndAfter() {
        Result first = cli("migrate");
        Result second = cli("migrate");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        Matcher migrated = Pattern.compile("schema version 0 -> (\\d+) \\(applied 1, 2(, \\d+)*\\)").matcher(first.out().strip());
        assertThat(migrated.matches()).as(first.out()).isTrue();
        String latest = migrated.group(1);
        assertThat(second.out().strip()).isEqualTo("schema version " + latest + " -> " + latest + " (up to date)");
    }

    @Test
    void theEnvironmentNamesTheStorageAsForTheServer() {
        Result created = CliRun.command().env("OAUTH_STORAGE_KIND", "postgres").env("OAUTH_STORAGE_URI", uri)
                .run("clients", "create", "from-env");

        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(cli("clients", "list").outLines()).singleElement().asString().startsWith("from-env\t");
    }

    @Test
    void aDatabaseThatRefusesIsAConfigurationErrorOnOneLine() {
        String missing = uri.replaceAll("/cli_[0-9a-f]+", "/no_such_database");

        Result result = CliRun.command().env("OAUTH_STORAGE_KIND", "postgres").env("OAUTH_STORAGE_URI", missing)
                .run("clients", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).singleElement().asString().startsWith("error: config: storage.uri: ");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void anUnreachableDatabaseIsExitOneOnOneLine() {
        String closed = "postgresql://postgres@127.0.0.1:" + TestPostgres.freePort() + "/postgres";

        Result result = CliRun.command().env("OAUTH_STORAGE_KIND", "postgres").env("OAUTH_STORAGE_URI", closed)
                .run("clients", "list");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(result.err().lines()).singleElement().asString().startsWith("error: storage: ").contains("unreachable");
    }
}

package dev.whosthat.oauth.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.bootstrap.cli.CliRun.Result;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.PasswordCheck;
import dev.whosthat.oauth.domain.user.PasswordHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The commands on memory storage, and what needs no storage: help, usage errors, hash-password, --print-config. */
class CliMemoryTest {

    private static final String SECRET = "configured-secret-0123456789-abcdefghij";
    private static final String PASSWORD = "alice's passphrase";

    @TempDir
    Path dir;

    private Path config(String json) throws Exception {
        Path file = dir.resolve("server.json");
        Files.writeString(file, json);
        return file;
    }

    private Path memoryConfig() throws Exception {
        return config("""
                {"storage": {"kind": "memory"},
                 "clients": [{"client_id": "c1", "client_name": "Example\\tapp", "client_secret": "%s",
                              "grant_types": ["client_credentials", "password"], "scope": "read write"},
                             {"client_id": "spa", "token_endpoint_auth_method": "none",
                              "redirect_uris": ["http://127.0.0.1:7000/cb"]}],
                 "users": [{"username": "alice", "password": "%s"}]}
                """.formatted(SECRET, PASSWORD));
    }

    // --- help and usage -----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"", "serve", "clients", "clients create", "clients list", "clients show", "clients delete",
        "clients rotate-secret", "users", "users create", "users list", "users delete", "users set-password",
        "migrate", "hash-password", "warm-up"})
    void everyCommandHasHelp(String command) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(words), java.util.stream.Stream.of("--help"))
                .toArray(String[]::new);

        Result result = CliRun.command().run(args);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith(("Usage: oauth-server " + command).strip()).contains("Exit codes:");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() {
        Result result = CliRun.command().run("clients", "frobnicate");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("error: ").contains("frobnicate").contains("'oauth-server clients --help'");
    }

    @Test
    void groupWithoutACommandIsAUsageError() {
        Result result = CliRun.command().run("users");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("error: a command is missing: create, list, delete or set-password");
    }

    @Test
    void badOptionValuesAreUsageErrorsNamingTheValue() {
        Result grant = CliRun.command().run("clients", "create", "c2", "--grant-type", "implicit");
        Result scope = CliRun.command().run("clients", "create", "c2", "--scope", "bad\"scope");
        Result rules = CliRun.command().run("clients", "create", "c2", "--public", "--grant-type", "client_credentials");

        assertThat(grant.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(grant.err()).contains("implicit").contains("known: authorization_code");
        assertThat(scope.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(rules.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(rules.err().lines()).singleElement().asString().contains("client_credentials");
    }

    @Test
    void badConfigurationIsExitTwoWithOneLine() throws Exception {
        Path bad = config("{\"clients\": [{\"client_id\": \"c1\", \"secret\": \"x\"}]}");

        Result result = CliRun.command().run("clients", "list", "--config", bad.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).singleElement().asString().startsWith("error: config: ");
        assertThat(result.out()).isEmpty();
    }

    // --- memory storage -----------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"clients create c2", "clients delete c1", "clients rotate-secret c1", "users create bob",
        "users delete alice", "users set-password alice", "migrate"})
    void commandsThatChangeMemoryStorageRefuseBeforeAskingAnything(String command) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
        args.addAll(List.of("--config", memoryConfig().toString()));

        // No password on standard input: a command that asked for one would fail with 2 instead.
        Result result = CliRun.command().run(args.toArray(String[]::new));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.MEMORY_STORAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().lines()).singleElement().asString()
                .startsWith("error: storage is memory: ").contains("nothing was done");
    }

    @Test
    void withoutAConfigurationStorageIsMemoryToo() {
        Result result = CliRun.command().run("users", "create", "bob");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.MEMORY_STORAGE);
    }

    @Test
    void listingMemoryStorageShowsTheConfiguredClientsWithoutSecretsAndSaysSo() throws Exception {
        Result result = CliRun.command().run("clients", "list", "--config", memoryConfig().toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.outLines()).containsExactly(
                "c1\tclient_secret_basic\tclient_credentials,password\tread write\t-\ttrue\tExample app",
                "spa\tnone\tauthorization_code,refresh_token\t-\thttp://127.0.0.1:7000/cb\ttrue\tspa");
        assertThat(result.out()).doesNotContain(SECRET);
        assertThat(result.err()).startsWith("note: storage is memory");
    }

    @Test
    void showingAConfiguredClientListsItsFieldsButNoSecret() throws Exception {
        Result text = CliRun.command().run("clients", "show", "c1", "--config", memoryConfig().toString());
        Result json = CliRun.command().run("clients", "show", "c1", "--json", "--config", memoryConfig().toString());
        Result missing = CliRun.command().run("clients", "show", "nobody", "--config", memoryConfig().toString());

        assertThat(text.outLines()).contains("client_id\tc1", "token_endpoint_auth_method\tclient_secret_basic",
                "grant_types\tclient_credentials password", "scope\tread write", "redirect_uris\t-", "require_pkce\ttrue");
        JsonNode client = JsonMapper.builder().build().readTree(json.out());
        assertThat(client.get("client_id").asText()).isEqualTo("c1");
        assertThat(client.has("client_secret")).isFalse();
        assertThat(text.out() + json.out()).doesNotContain(SECRET).doesNotContainIgnoringCase("digest");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.NOT_FOUND);
        assertThat(missing.err()).endsWith("error: no client nobody\n");
    }

    @Test
    void listingMemoryUsersShowsTheConfiguredOnes() throws Exception {
        Result result = CliRun.command().run("users", "list", "--config", memoryConfig().toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.outLines()).singleElement().asString().startsWith("alice\t");
        assertThat(result.out()).doesNotContain(PASSWORD).doesNotContain("$argon2id");
    }

    // --- hash-password ------------------------------------------------------------------------

    @Test
    void hashPasswordPrintsAnArgon2idHashOfTheFirstLineOfStandardInputAtTheConfiguredCost() throws Exception {
        Path config = config("{\"password_hashing\": {\"memory_kib\": 20000, \"iterations\": 3, \"parallelism\": 1}}");

        Result result = CliRun.command().stdin("s3cret passphrase\nignored\n").run("hash-password", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String hash = result.out().strip();
        assertThat(hash).startsWith("$argon2id$v=19$m=20000,t=3,p=1$").doesNotContain("s3cret");
        var pool = Executors.newSingleThreadExecutor();
        try {
            var hasher = new Argon2idPasswordHasher(new Argon2idPasswordHasher.Cost(20000, 3, 1), pool);
            assertThat(hasher.verify(new Password("s3cret passphrase"), new PasswordHash(hash))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS)).isEqualTo(PasswordCheck.MATCH);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void hashPasswordWithoutAPasswordIsAUsageError() {
        Result result = CliRun.command().stdin("").run("hash-password");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).startsWith("error: no password");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void passwordsAreNotTakenAsArguments() {
        Result result = CliRun.command().run("hash-password", "s3cret");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unmatched argument");
    }

    // --- --print-config -----------------------------------------------------------------------

    @Test
    void warmUpServesEveryKindOfRequestInMemoryAndStops() throws Exception {
        Path config = config("""
                {"storage": {"kind": "postgres", "uri": "postgresql://nobody@127.0.0.1:1/none"},
                 "http": {"host": "127.0.0.1", "port": 1}}
                """);

        Result result = CliRun.command().run("warm-up", "--config", config.toString());

        // The configured database and port were never tried: the run is in memory, on a free port.
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCodes.OK);
        assertThat(result.outLines()).containsExactly("warm-up: 14 requests answered as expected");
    }

    @Test
    void printConfigShowsTheEffectiveConfigurationWithEverySecretMasked() throws Exception {
        Path config = config("""
                {"http": {"port": 9000},
                 "storage": {"kind": "postgres", "uri": "postgresql://whosthat:db-password@db.internal:5432/whosthat"},
                 "clients": [{"client_id": "c1", "client_secret": "%s"}],
                 "users": [{"username": "alice", "password": "%s"}]}
                """.formatted(SECRET, PASSWORD));

        Result result = CliRun.command().env("OAUTH_STORAGE_POOL_SIZE", "7")
                .run("serve", "--print-config", "--config", config.toString());

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).doesNotContain(SECRET).doesNotContain(PASSWORD).doesNotContain("db-password");
        JsonNode printed = JsonMapper.builder().build().readTree(result.out());
        assertThat(printed.at("/issuer").asText()).isEqualTo("http://localhost:9000");
        assertThat(printed.at("/storage/uri").asText()).isEqualTo("postgresql://whosthat:***@db.internal:5432/whosthat");
        assertThat(printed.at("/storage/pool_size").asInt()).isEqualTo(7);
        assertThat(printed.at("/storage/cache_ttl_millis").asLong()).isEqualTo(2000);
        assertThat(printed.at("/throttling/users/refuse_after").isInt()).isTrue();
        assertThat(printed.at("/tokens/access_token_ttl_seconds").asLong()).isEqualTo(3600);
        assertThat(printed.at("/clients/0/client_secret").asText()).isEqualTo("***");
        assertThat(printed.at("/clients/0/grant_types/0").asText()).isEqualTo("client_credentials");
        assertThat(printed.at("/users/0/password").asText()).isEqualTo("***");
    }

    @Test
    void printConfigWorksWithoutACommandAndWithoutAFile() throws Exception {
        Result result = CliRun.command().env("OAUTH_HTTP_PORT", "9100").run("--print-config");

        JsonNode printed = JsonMapper.builder().build().readTree(result.out());
        assertThat(result.exitCode()).isZero();
        assertThat(printed.at("/http/port").asInt()).isEqualTo(9100);
        assertThat(printed.at("/storage/kind").asText()).isEqualTo("memory");
        assertThat(printed.at("/clients").size()).isZero();
    }

    @Test
    void printConfigShowsTheOperationsSections() throws Exception {
        Path config = config("""
                {"metrics": {"host": "127.0.0.1", "port": 9464}, "logging": {"format": "json"}, "shutdown": {"grace_seconds": 30}}
                """);

        Result result = CliRun.command().run("--print-config", "--config", config.toString());

        JsonNode printed = JsonMapper.builder().build().readTree(result.out());
        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(printed.at("/metrics/enabled").asBoolean()).isTrue();
        assertThat(printed.at("/metrics/port").asInt()).isEqualTo(9464);
        assertThat(printed.at("/logging/format").asText()).isEqualTo("json");
        assertThat(printed.at("/shutdown/grace_seconds").asLong()).isEqualTo(30);
    }
}

package dev.whosthat.oauth.bootstrap.config;

import dev.whosthat.oauth.application.throttle.ThrottleSettings;
import dev.whosthat.oauth.domain.throttle.ThrottlePolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.application.client.ClientRegistration;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    private static final String FULL_EXAMPLE = """
            {"issuer": "http://127.0.0.1:9000",
             "http": {"host": "127.0.0.1", "port": 9000},
             "storage": {"kind": "memory"},
             "tokens": {"access_token_ttl_seconds": 600, "refresh_token_ttl_seconds": 86400},
             "password_hashing": {"memory_kib": 65536, "iterations": 3, "parallelism": 2},
             "clients": [{"client_id": "c1", "client_name": "Client One", "client_secret": "%s",
                          "token_endpoint_auth_method": "client_secret_basic",
                          "grant_types": ["client_credentials", "password", "refresh_token", "authorization_code"],
                          "redirect_uris": ["http://127.0.0.1:7000/cb"], "scope": "read write"},
                         {"client_id": "spa", "token_endpoint_auth_method": "none",
                          "redirect_uris": ["http://127.0.0.1:7000/spa"]}],
             "users": [{"username": "alice", "password": "wonderland"}]}
            """.formatted(SECRET);

    @TempDir
    Path dir;

    @Test
    void fullExampleParsesIntoDomainValues() {
        ServerConfig config = load(FULL_EXAMPLE);

        assertThat(config.issuer()).isEqualTo("http://127.0.0.1:9000");
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(9000);
        assertThat(config.storage()).isEqualTo(StorageSettings.MEMORY);
        assertThat(config.tokenLifetimes()).isEqualTo(new TokenLifetimes(Duration.ofMinutes(10), Duration.ofDays(1)));
        assertThat(config.passwordHashing()).isEqualTo(new Argon2idPasswordHasher.Cost(65536, 3, 2));
        assertThat(config.demo()).isFalse();
        assertThat(config.clients()).containsExactly(
                new ClientRegistration(new ClientId("c1"), "Client One", ClientAuthMethod.CLIENT_SECRET_BASIC,
                        Optional.of(new ClientSecret(SECRET)),
                        Set.of(GrantType.CLIENT_CREDENTIALS, GrantType.PASSWORD, GrantType.REFRESH_TOKEN, GrantType.AUTHORIZATION_CODE),
                        List.of(new RedirectUri("http://127.0.0.1:7000/cb")), Scope.of("read", "write")),
                new ClientRegistration(new ClientId("spa"), "spa", ClientAuthMethod.NONE, Optional.empty(),
                        Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
                        List.of(new RedirectUri("http://127.0.0.1:7000/spa")), Scope.EMPTY));
        assertThat(config.users()).containsExactly(new UserSeed(new Username("alice"), new Password("wonderland")));
    }

    @Test
    void noFileMeansDemoModeWithDefaults() {
        ServerConfig config = ConfigLoader.load(Optional.empty(), Map.of());

        assertThat(config.demo()).isTrue();
        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.issuer()).isEqualTo("http://localhost:8080");
        assertThat(config.storage()).isEqualTo(new StorageSettings(StorageSettings.Kind.MEMORY, Optional.empty(), 16));
        assertThat(config.tokenLifetimes()).isEqualTo(new TokenLifetimes(Duration.ofSeconds(3600), Duration.ofSeconds(2_592_000)));
        assertThat(config.passwordHashing()).isEqualTo(Argon2idPasswordHasher.Cost.OWASP_MINIMUM);
        assertThat(config.clients()).isEmpty();
        assertThat(config.users()).isEmpty();
    }

    @Test
    void emptyObjectGivesTheSameDefaultsWithoutDemo() {
        ServerConfig config = load("{}");

        assertThat(config.demo()).isFalse();
        assertThat(config.issuer()).isEqualTo("http://localhost:8080");
        assertThat(config.storage().kind()).isEqualTo(StorageSettings.Kind.MEMORY);
    }

    @Test
    void confidentialClientDefaultsToBasicAuthAndClientCredentials() {
        ServerConfig config = load("""
                {"clients": [{"client_id": "svc", "client_secret": "%s"}]}""".formatted(SECRET));

        ClientRegistration client = config.clients().get(0);
        assertThat(client.authMethod()).isEqualTo(ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(client.grantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
        assertThat(client.name()).isEqualTo("svc");
        assertThat(client.scope()).isEqualTo(Scope.EMPTY);
    }

    @Test
    void environmentOverridesWinOverTheFile() {
        Map<String, String> env = Map.of(
                "OAUTH_ISSUER", "https://auth.example.com/",
                "OAUTH_HTTP_HOST", "0.0.0.0",
                "OAUTH_HTTP_PORT", "9443",
                "OAUTH_STORAGE_KIND", "postgres",
                "OAUTH_STORAGE_URI", "postgresql://whosthat:s3cret@db:5432/whosthat",
                "OAUTH_STORAGE_POOL_SIZE", "32",
                "OAUTH_ACCESS_TOKEN_TTL_SECONDS", "900",
                "OAUTH_REFRESH_TOKEN_TTL_SECONDS", "7200");

        ServerConfig config = ConfigLoader.load(Optional.of(write(FULL_EXAMPLE)), env);

        assertThat(config.issuer()).isEqualTo("https://auth.example.com");
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(9443);
        assertThat(config.storage()).isEqualTo(new StorageSettings(StorageSettings.Kind.POSTGRES,
                Optional.of("postgresql://whosthat:s3cret@db:5432/whosthat"), 32));
        assertThat(config.tokenLifetimes()).isEqualTo(new TokenLifetimes(Duration.ofSeconds(900), Duration.ofSeconds(7200)));
        assertThat(config.clients()).hasSize(2);
    }

    @Test
    void blankEnvironmentVariableCountsAsUnset() {
        ServerConfig config = ConfigLoader.load(Optional.empty(), Map.of("OAUTH_HTTP_PORT", " ", "OAUTH_ISSUER", ""));

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.issuer()).isEqualTo("http://localhost:8080");
    }

    @Test
    void defaultIssuerFollowsTheConfiguredPort() {
        assertThat(load("""
                {"http": {"host": "localhost", "port": 9000}}""").issuer()).isEqualTo("http://localhost:9000");
    }

    @Test
    void trailingSlashIsRemovedFromTheIssuer() {
        assertThat(load("""
                {"issuer": "https://auth.example.com/tenant/"}""").issuer()).isEqualTo("https://auth.example.com/tenant");
    }

    @Test
    void httpIssuerIsAcceptedOnLoopbackHosts() {
        assertThat(load("""
                {"issuer": "http://[::1]:8080"}""").issuer()).isEqualTo("http://[::1]:8080");
        assertThat(load("""
                {"issuer": "http://127.1.2.3:8080"}""").issuer()).isEqualTo("http://127.1.2.3:8080");
    }

    @Test
    void postgresStorageIsReadFromTheFile() {
        ServerConfig config = load("""
                {"storage": {"kind": "postgres", "uri": "postgres://u:p@db/whosthat", "pool_size": 4}}""");

        assertThat(config.storage()).isEqualTo(new StorageSettings(StorageSettings.Kind.POSTGRES,
                Optional.of("postgres://u:p@db/whosthat"), 4));
    }

    @Test
    void storageSettingsMaskThePasswordWhenPrinted() {
        StorageSettings storage = new StorageSettings(StorageSettings.Kind.POSTGRES,
                Optional.of("postgresql://whosthat:s3cr@t@db:5432/whosthat?sslmode=require&password=other"), 16);

        assertThat(storage.toString())
                .contains("postgresql://whosthat:***@db:5432/whosthat?sslmode=require&password=***")
                .doesNotContain("s3cr")
                .doesNotContain("other");
    }

    @Test
    void secretsDoNotAppearWhenTheConfigIsPrinted() {
        assertThat(load(FULL_EXAMPLE).toString()).doesNotContain(SECRET).doesNotContain("wonderland");
    }

    // --- the file itself

    @Test
    void missingFileIsReported() {
        assertProblem(() -> ConfigLoader.load(Optional.of(dir.resolve("nope.json")), Map.of()))
                .hasMessageContaining("config: file ")
                .hasMessageContaining("nope.json does not exist");
    }

    @Test
    void directoryInsteadOfFileIsReported() {
        assertProblem(() -> ConfigLoader.load(Optional.of(dir), Map.of()))
                .hasMessageContaining("is a directory, not a config file");
    }

    @Test
    void emptyFileIsReported() {
        assertRejected("  \n").hasMessageContaining("is empty");
    }

    @Test
    void unknownKeyIsRejectedWithItsPath() {
        assertRejected("""
                {"clients": [{"client_id": "c1", "secret": "x"}]}""")
                .hasMessageContaining("config: unknown key \"clients[0].secret\"")
                .hasMessageContaining("line 1, column");
    }

    @Test
    void unknownTopLevelKeyIsRejected() {
        assertRejected("""
                {"isuer": "https://auth.example.com"}""")
                .hasMessageContaining("config: unknown key \"isuer\"");
    }

    @Test
    void unknownNestedKeyIsRejected() {
        assertRejected("""
                {"http": {"hostname": "0.0.0.0"}}""")
                .hasMessageContaining("config: unknown key \"http.hostname\"");
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        assertRejected("""
                {"http": {"port": 9000,}
                }""")
                .hasMessageContaining("config: malformed JSON: ")
                .hasMessageContaining("(line 1, column 24)");
    }

    @Test
    void truncatedJsonIsReportedWithoutParserInternals() {
        assertRejected("""
                {"issuer": "https://auth.example.com\"""")
                .hasMessageContaining("config: malformed JSON: Unexpected end-of-input")
                .message().doesNotContain("Source").doesNotContain("`");
    }

    @Test
    void wrongTypeIsReportedWithKeyAndLine() {
        assertRejected("""
                {"http": {"port": "abc"}}""")
                .hasMessageContaining("config: \"http.port\" must be a whole number (line 1, column 19)");
    }

    @Test
    void quotedNumberIsNotTakenForANumber() {
        assertRejected("""
                {"tokens": {"access_token_ttl_seconds": "3600"}}""")
                .hasMessageContaining("\"tokens.access_token_ttl_seconds\" must be a whole number");
    }

    @Test
    void numberForAStringIsRejected() {
        assertRejected("""
                {"clients": [{"client_id": 7}]}""")
                .hasMessageContaining("\"clients[0].client_id\" must be a string");
    }

    @Test
    void stringForAnArrayIsRejected() {
        assertRejected("""
                {"clients": [{"client_id": "c1", "client_secret": "%s", "grant_types": "password"}]}""".formatted(SECRET))
                .hasMessageContaining("\"clients[0].grant_types\" must be an array");
    }

    @Test
    void nullInsideAnArrayIsRejected() {
        assertRejected("""
                {"clients": [null]}""")
                .hasMessageContaining("\"clients[0]\" must not be null");
    }

    @Test
    void numberTooLargeIsReportedAsOutOfRange() {
        assertRejected("""
                {"http": {"port": 99999999999}}""")
                .hasMessageContaining("\"http.port\" is out of range");
    }

    @Test
    void topLevelArrayIsRejected() {
        assertRejected("[]").hasMessageContaining("the file must hold one JSON object");
    }

    @Test
    void contentAfterTheObjectIsRejected() {
        assertRejected("{} {}").hasMessageContaining("config: unexpected content after the JSON object");
    }

    @Test
    void duplicateTopLevelKeyIsRejected() {
        assertRejected("""
                {"issuer": "https://a.example", "issuer": "https://b.example"}""")
                .hasMessageContaining("config: duplicate key \"issuer\"");
    }

    @Test
    void duplicateNestedKeyIsRejectedWithItsPath() {
        assertRejected("""
                {"clients": [{"client_id": "c1", "client_id": "c2"}]}""")
                .hasMessageContaining("config: duplicate key \"clients[0].client_id\"");
    }

    // --- issuer and http

    @Test
    void httpIssuerOnAPublicHostIsRejected() {
        assertRejected("""
                {"issuer": "http://auth.example.com"}""")
                .hasMessageContaining("config: issuer \"http://auth.example.com\" must use https");
    }

    @Test
    void issuerWithQueryIsRejected() {
        assertRejected("""
                {"issuer": "https://auth.example.com?tenant=a"}""")
                .hasMessageContaining("must not have a query");
    }

    @Test
    void issuerWithFragmentIsRejected() {
        assertRejected("""
                {"issuer": "https://auth.example.com#top"}""")
                .hasMessageContaining("must not have a fragment");
    }

    @Test
    void relativeIssuerIsRejected() {
        assertRejected("""
                {"issuer": "/oauth"}""")
                .hasMessageContaining("issuer \"/oauth\" must be an absolute https URL");
    }

    @Test
    void badIssuerFromTheEnvironmentNamesTheVariable() {
        assertProblem(() -> ConfigLoader.load(Optional.empty(), Map.of("OAUTH_ISSUER", "ftp://auth.example.com")))
                .hasMessageContaining("config: OAUTH_ISSUER \"ftp://auth.example.com\" must use https");
    }

    @Test
    void publicBindWithoutIssuerAsksForOne() {
        assertRejected("""
                {"http": {"host": "0.0.0.0"}}""")
                .hasMessageContaining("no issuer is set, and the default \"http://0.0.0.0:8080\" must use https")
                .hasMessageContaining("set issuer or OAUTH_ISSUER");
    }

    @Test
    void portOutOfRangeInTheFileIsRejected() {
        assertRejected("""
                {"http": {"port": 70000}}""")
                .hasMessageContaining("config: http.port must be from 1 to 65535, got 70000");
    }

    @Test
    void nonNumericPortFromTheEnvironmentNamesTheVariable() {
        assertProblem(() -> ConfigLoader.load(Optional.empty(), Map.of("OAUTH_HTTP_PORT", "abc")))
                .hasMessageContaining("config: OAUTH_HTTP_PORT must be a whole number from 1 to 65535, got \"abc\"");
    }

    @Test
    void portOutOfRangeFromTheEnvironmentNamesTheVariable() {
        assertProblem(() -> ConfigLoader.load(Optional.empty(), Map.of("OAUTH_HTTP_PORT", "70000")))
                .hasMessageContaining("config: OAUTH_HTTP_PORT must be from 1 to 65535, got \"70000\"");
    }

    @Test
    void zeroTokenLifetimeFromTheEnvironmentIsRejected() {
        assertProblem(() -> ConfigLoader.load(Optional.empty(), Map.of("OAUTH_ACCESS_TOKEN_TTL_SECONDS", "0")))
                .hasMessageContaining("config: OAUTH_ACCESS_TOKEN_TTL_SECONDS must be from 1 to");
    }

    @Test
    void zeroTokenLifetimeInTheFileIsRejected() {
        assertRejected("""
                {"tokens": {"refresh_token_ttl_seconds": 0}}""")
                .hasMessageContaining("config: tokens.refresh_token_ttl_seconds must be from 1 to");
    }

    @Test
    void hostWithSpacesIsRejected() {
        assertProblem(() -> ConfigLoader.load(Optional.empty(), Map.of("OAUTH_HTTP_HOST", "my host")))
                .hasMessageContaining("config: OAUTH_HTTP_HOST must be a host name or IP address, got \"my host\"");
    }

    // --- operations: metrics, logging, shutdown

    @Test
    void operationsDefaultToMetricsOnTheMainListenerTextLogsAndTenSecondsOfGrace() {
        ServerConfig config = load("{}");

        assertThat(config.operations()).isEqualTo(OperationsSettings.DEFAULTS);
        assertThat(config.operations().metrics().exposure()).isEqualTo(MetricsSettings.Exposure.MAIN_LISTENER);
        assertThat(config.operations().logFormat()).isEqualTo(OperationsSettings.LogFormat.TEXT);
        assertThat(config.operations().shutdownGrace()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void operationsAreReadFromTheFile() {
        ServerConfig config = load("""
                {"metrics": {"enabled": true, "host": "0.0.0.0", "port": 9090},
                 "logging": {"format": "json"},
                 "shutdown": {"grace_seconds": 30}}""");

        assertThat(config.operations()).isEqualTo(new OperationsSettings(MetricsSettings.ownListener("0.0.0.0", 9090),
                OperationsSettings.LogFormat.JSON, Duration.ofSeconds(30)));
    }

    @Test
    void aMetricsPortAloneListensOnLoopback() {
        assertThat(load("""
                {"metrics": {"port": 9090}}""").operations().metrics()).isEqualTo(MetricsSettings.ownListener("127.0.0.1", 9090));
    }

    @Test
    void metricsCanBeTurnedOffInTheFile() {
        assertThat(load("""
                {"metrics": {"enabled": false}}""").operations().metrics()).isEqualTo(MetricsSettings.OFF);
    }

    @Test
    void environmentOverridesOperations() {
        Map<String, String> env = Map.of(
                "OAUTH_METRICS_PORT", "9191",
                "OAUTH_METRICS_HOST", "10.0.0.5",
                "OAUTH_LOG_FORMAT", "json",
                "OAUTH_SHUTDOWN_GRACE_SECONDS", "0");

        ServerConfig config = ConfigLoader.load(Optional.of(write("""
                {"metrics": {"port": 9090}, "logging": {"format": "text"}, "shutdown": {"grace_seconds": 30}}""")), env);

        assertThat(config.operations()).isEqualTo(new OperationsSettings(MetricsSettings.ownListener("10.0.0.5", 9191),
                OperationsSettings.LogFormat.JSON, Duration.ZERO));
    }

    @Test
    void environmentTurnsMetricsOffWhateverTheFileSays() {
        ServerConfig config = ConfigLoader.load(Optional.of(write("""
                {"metrics": {"port": 9090, "host": "0.0.0.0"}}""")), Map.of("OAUTH_METRICS_ENABLED", "false"));

        assertThat(config.operations().metrics()).isEqualTo(MetricsSettings.OFF);
    }

    @Test
    void metricsEnabledFromTheEnvironmentMustBeTrueOrFalse() {
        assertProblem(() -> ConfigLoader.load(Optional.empty(), Map.of("OAUTH_METRICS_ENABLED", "yes")))
                .hasMessageContaining("config: OAUTH_METRICS_ENABLED must be true or false, got \"yes\"");
    }

    @Test
    void metricsEnabledOfTheWrongTypeIsRejected() {
        assertRejected("""
                {"metrics": {"enabled": "no"}}""")
                .hasMessageContaining("metrics.enabled");
    }

    @Test
    void metricsHostWithoutPortIsRejected() {
        assertRejected("""
                {"metrics": {"host": "0.0.0.0"}}""")
                .hasMessageContaining("config: metrics.host is set but no metrics port is: set metrics.port or OAUTH_METRICS_PORT");
    }

    @Test
    void metricsPortEqualToTheHttpPortIsRejected() {
        assertRejected("""
                {"http": {"port": 9000}, "metrics": {"port": 9000}}""")
                .hasMessageContaining("config: the metrics port must differ from the HTTP port (9000)");
    }

    @Test
    void metricsPortOutOfRangeIsRejected() {
        assertRejected("""
                {"metrics": {"port": 0}}""")
                .hasMessageContaining("config: metrics.port must be from 1 to 65535, got 0");
        assertProblem(() -> ConfigLoader.load(Optional.empty(), Map.of("OAUTH_METRICS_PORT", "http")))
                .hasMessageContaining("config: OAUTH_METRICS_PORT must be a whole number from 1 to 65535, got \"http\"");
    }

    @Test
    void unknownMetricsKeyIsRejectedWithItsPath() {
        assertRejected("""
                {"metrics": {"path": "/m"}}""")
                .hasMessageContaining("metrics.path");
    }

    @Test
    void unknownLogFormatIsRejected() {
        assertRejected("""
                {"logging": {"format": "xml"}}""")
                .hasMessageContaining("config: logging.format must be \"text\" or \"json\", got \"xml\"");
        assertProblem(() -> ConfigLoader.load(Optional.empty(), Map.of("OAUTH_LOG_FORMAT", "JSON")))
                .hasMessageContaining("config: OAUTH_LOG_FORMAT must be \"text\" or \"json\", got \"JSON\"");
    }

    @Test
    void shutdownGraceOutOfRangeIsRejected() {
        assertRejected("""
                {"shutdown": {"grace_seconds": -1}}""")
                .hasMessageContaining("config: shutdown.grace_seconds must be from 0 to 3600, got -1");
        assertProblem(() -> ConfigLoader.load(Optional.empty(), Map.of("OAUTH_SHUTDOWN_GRACE_SECONDS", "3601")))
                .hasMessageContaining("config: OAUTH_SHUTDOWN_GRACE_SECONDS must be from 0 to 3600, got \"3601\"");
    }

    // --- storage

    @Test
    void unknownStorageKindIsRejected() {
        assertRejected("""
                {"storage": {"kind": "mysql"}}""")
                .hasMessageContaining("config: storage.kind must be \"memory\" or \"postgres\", got \"mysql\"");
    }

    @Test
    void postgresWithoutUriIsRejected() {
        assertRejected("""
                {"storage": {"kind": "postgres"}}""")
                .hasMessageContaining("config: storage kind postgres needs a connection URI");
    }

    @Test
    void postgresUriWithAnotherSchemeIsRejectedWithoutEchoingIt() {
        assertRejected("""
                {"storage": {"kind": "postgres", "uri": "jdbc:postgresql://u:hunter2@db/x"}}""")
                .hasMessageContaining("config: storage.uri must start with postgresql:// or postgres://")
                .message().doesNotContain("hunter2");
    }

    @Test
    void uriWithMemoryStorageIsRejected() {
        assertProblem(() -> ConfigLoader.load(Optional.empty(), Map.of("OAUTH_STORAGE_URI", "postgresql://db/x")))
                .hasMessageContaining("config: OAUTH_STORAGE_URI is set but storage kind is memory");
    }

    @Test
    void poolSizeOutOfRangeIsRejected() {
        assertRejected("""
                {"storage": {"kind": "postgres", "uri": "postgresql://db/x", "pool_size": 0}}""")
                .hasMessageContaining("config: storage.pool_size must be from 1 to 256, got 0");
    }

    @Test
    void poolSizeFromTheEnvironmentIsChecked() {
        assertProblem(() -> ConfigLoader.load(Optional.empty(), Map.of("OAUTH_STORAGE_POOL_SIZE", "1000")))
                .hasMessageContaining("config: OAUTH_STORAGE_POOL_SIZE must be from 1 to 256");
    }

    // --- look-up cache

    @Test
    void cacheTtlDefaultsToTwoSeconds() {
        assertThat(load("{}").storage().cacheTtl()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void cacheTtlComesFromTheFileAndTheEnvironmentOverridesIt() {
        String file = """
                {"storage": {"kind": "postgres", "uri": "postgresql://db/whosthat", "cache_ttl_millis": 0}}""";
        assertThat(load(file).storage().cacheTtl()).isZero();

        ServerConfig overridden = ConfigLoader.load(Optional.of(write(file)), Map.of("OAUTH_STORAGE_CACHE_TTL_MILLIS", "750"));

        assertThat(overridden.storage().cacheTtl()).isEqualTo(Duration.ofMillis(750));
    }

    @Test
    void cacheTtlAboveAMinuteIsRejected() {
        assertRejected("""
                {"storage": {"cache_ttl_millis": 60001}}""")
                .hasMessageContaining("storage.cache_ttl_millis must be from 0 to 60000, got 60001");
    }

    // --- throttling

    @Test
    void throttlingDefaultsWhenAbsent() {
        assertThat(load("{}").throttling()).isEqualTo(ThrottleSettings.DEFAULTS);
    }

    @Test
    void throttlingKeysOverrideTheDefaultsOneByOne() {
        ServerConfig config = load("""
                {"throttling": {"users": {"refuse_after": 5, "window_seconds": 60},
                                "client_addresses": {"slow_after": 0, "refuse_after": 20, "delay_step_millis": 100,
                                                     "max_delay_millis": 1000}}}""");

        assertThat(config.throttling().usernames()).isEqualTo(new ThrottlePolicy(3, 5, Duration.ofMinutes(1),
                Duration.ofMillis(500), Duration.ofSeconds(5)));
        assertThat(config.throttling().clientAddresses()).isEqualTo(new ThrottlePolicy(0, 20, Duration.ofMinutes(15),
                Duration.ofMillis(100), Duration.ofSeconds(1)));
    }

    @Test
    void throttlingSlowAfterAboveRefuseAfterIsRejected() {
        assertRejected("""
                {"throttling": {"users": {"slow_after": 8, "refuse_after": 4}}}""")
                .hasMessageContaining("throttling.users.slow_after (8) must not be above refuse_after (4)");
    }

    @Test
    void throttlingZeroWindowIsRejectedWithItsKey() {
        assertRejected("""
                {"throttling": {"client_addresses": {"window_seconds": 0}}}""")
                .hasMessageContaining("throttling.client_addresses.window_seconds must be from 1 to 86400, got 0");
    }

    @Test
    void throttlingUnknownKeyIsRejected() {
        assertRejected("""
                {"throttling": {"users": {"lockout": true}}}""")
                .hasMessageContaining("lockout");
    }

    // --- password hashing

    @Test
    void passwordHashingMemoryBelowOwaspMinimumIsRejected() {
        assertRejected("""
                {"password_hashing": {"memory_kib": 4096}}""")
                .hasMessageContaining("config: password_hashing.memory_kib must be at least 19456");
    }

    @Test
    void passwordHashingWithOneIterationAtMinimumMemoryIsRejected() {
        assertRejected("""
                {"password_hashing": {"iterations": 1}}""")
                .hasMessageContaining("config: password_hashing.iterations must be at least 2");
    }

    @Test
    void passwordHashingWithOneIterationAndMoreMemoryIsAccepted() {
        assertThat(load("""
                {"password_hashing": {"memory_kib": 47104, "iterations": 1}}""").passwordHashing())
                .isEqualTo(new Argon2idPasswordHasher.Cost(47104, 1, 1));
    }

    @Test
    void passwordHashingParallelismOutOfRangeIsRejected() {
        assertRejected("""
                {"password_hashing": {"parallelism": 64}}""")
                .hasMessageContaining("config: password_hashing: argon2 parallelism must be 1 to 16");
    }

    // --- clients

    @Test
    void clientWithoutIdIsRejected() {
        assertRejected("""
                {"clients": [{"client_secret": "%s"}]}""".formatted(SECRET))
                .hasMessageContaining("config: clients[0]: client_id is missing");
    }

    @Test
    void confidentialClientWithoutSecretIsRejected() {
        assertRejected("""
                {"clients": [{"client_id": "c1"}]}""")
                .hasMessageContaining("config: client \"c1\": client_secret is missing "
                        + "(token_endpoint_auth_method client_secret_basic needs one)");
    }

    @Test
    void shortClientSecretIsRejected() {
        assertRejected("""
                {"clients": [{"client_id": "c1", "client_secret": "short"}]}""")
                .hasMessageContaining("config: client \"c1\": client_secret of client c1 must be at least 32 characters");
    }

    @Test
    void publicClientWithSecretIsRejected() {
        assertRejected("""
                {"clients": [{"client_id": "c1", "token_endpoint_auth_method": "none", "client_secret": "%s",
                              "redirect_uris": ["https://app.example/cb"]}]}""".formatted(SECRET))
                .hasMessageContaining("config: client \"c1\": ")
                .hasMessageContaining("must not have a client_secret");
    }

    @Test
    void publicClientWithClientCredentialsIsRejected() {
        assertRejected("""
                {"clients": [{"client_id": "c1", "token_endpoint_auth_method": "none",
                              "grant_types": ["client_credentials"]}]}""")
                .hasMessageContaining("config: client \"c1\": ")
                .hasMessageContaining("cannot use the client_credentials grant");
    }

    @Test
    void authorizationCodeWithoutRedirectUriIsRejected() {
        assertRejected("""
                {"clients": [{"client_id": "spa", "token_endpoint_auth_method": "none"}]}""")
                .hasMessageContaining("config: client \"spa\": ")
                .hasMessageContaining("registers no redirect URI");
    }

    @Test
    void unknownAuthMethodIsRejected() {
        assertRejected("""
                {"clients": [{"client_id": "c1", "client_secret": "%s", "token_endpoint_auth_method": "private_key_jwt"}]}"""
                .formatted(SECRET))
                .hasMessageContaining("config: client \"c1\": unknown token_endpoint_auth_method \"private_key_jwt\"");
    }

    @Test
    void unknownGrantTypeIsRejectedByName() {
        assertRejected("""
                {"clients": [{"client_id": "c1", "client_secret": "%s", "grant_types": ["implicit"]}]}""".formatted(SECRET))
                .hasMessageContaining("config: client \"c1\": unknown grant type \"implicit\"");
    }

    @Test
    void emptyGrantTypesIsRejected() {
        assertRejected("""
                {"clients": [{"client_id": "c1", "client_secret": "%s", "grant_types": []}]}""".formatted(SECRET))
                .hasMessageContaining("config: client \"c1\": grant_types is empty");
    }

    @Test
    void relativeRedirectUriIsRejected() {
        assertRejected("""
                {"clients": [{"client_id": "c1", "client_secret": "%s", "grant_types": ["authorization_code"],
                              "redirect_uris": ["/callback"]}]}""".formatted(SECRET))
                .hasMessageContaining("config: client \"c1\": redirect URI must be absolute: /callback");
    }

    @Test
    void redirectUriWithNewlineStaysOnOneLine() {
        assertRejected("""
                {"clients": [{"client_id": "c1", "client_secret": "%s", "redirect_uris": ["https://a.example/\\ncb"]}]}"""
                .formatted(SECRET))
                .hasMessageContaining("config: client \"c1\": redirect URI is not a valid URI: https://a.example/\\ncb");
    }

    @Test
    void malformedScopeIsRejected() {
        assertRejected("""
                {"clients": [{"client_id": "c1", "client_secret": "%s", "scope": "read  write"}]}""".formatted(SECRET))
                .hasMessageContaining("config: client \"c1\": scope \"read  write\" is malformed");
    }

    @Test
    void duplicateClientIdsAreRejected() {
        assertRejected("""
                {"clients": [{"client_id": "c1", "client_secret": "%1$s"}, {"client_id": "c1", "client_secret": "%1$s"}]}"""
                .formatted(SECRET))
                .hasMessageContaining("config: client \"c1\" is defined twice (clients[1])");
    }

    @Test
    void invalidClientIdIsRejected() {
        assertRejected("""
                {"clients": [{"client_id": ""}]}""")
                .hasMessageContaining("config: clients[0]: client_id must be 1 to 255 printable ASCII characters");
    }

    // --- users

    @Test
    void duplicateUsernamesAreRejected() {
        assertRejected("""
                {"users": [{"username": "alice", "password": "a"}, {"username": "alice", "password": "b"}]}""")
                .hasMessageContaining("config: user \"alice\" is defined twice (users[1])");
    }

    @Test
    void emptyPasswordIsRejected() {
        assertRejected("""
                {"users": [{"username": "alice", "password": ""}]}""")
                .hasMessageContaining("config: user \"alice\": password must be 1 to");
    }

    @Test
    void aPasswordHashFromHashPasswordIsTakenAsItIs() {
        String hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                + "aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g";

        ServerConfig config = load("""
                {"users": [{"username": "alice", "password_hash": "%s"}]}""".formatted(hash));

        assertThat(config.users()).containsExactly(new UserSeed(new Username("alice"), new PasswordHash(hash)));
    }

    @Test
    void aPasswordHashThatIsNoArgon2idHashIsRejected() {
        assertRejected("""
                {"users": [{"username": "alice", "password_hash": "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"}]}""")
                .hasMessageContaining("config: user \"alice\": password_hash is not an Argon2id hash");
    }

    @Test
    void aPasswordHashWeakerThanTheConfiguredCostIsRejected() {
        assertRejected("""
                {"password_hashing": {"memory_kib": 65536, "iterations": 3, "parallelism": 1},
                 "users": [{"username": "alice",
                            "password_hash": "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA"}]}""")
                .hasMessageContaining("config: user \"alice\": password_hash was made at a lower cost than password_hashing");
    }

    @Test
    void aPasswordAndAPasswordHashTogetherAreRejected() {
        assertRejected("""
                {"users": [{"username": "alice", "password": "wonderland",
                            "password_hash": "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2hoYXNoaGFzaA"}]}""")
                .hasMessageContaining("config: user \"alice\": give password or password_hash, not both");
    }

    @Test
    void userWithoutPasswordIsRejected() {
        assertRejected("""
                {"users": [{"username": "alice"}]}""")
                .hasMessageContaining("config: user \"alice\": password is missing");
    }

    @Test
    void userWithoutUsernameIsRejected() {
        assertRejected("""
                {"users": [{"password": "a"}]}""")
                .hasMessageContaining("config: users[0]: username is missing");
    }

    // --- helpers

    private ServerConfig load(String json) {
        return ConfigLoader.load(Optional.of(write(json)), Map.of());
    }

    private Path write(String json) {
        try {
            return Files.writeString(Files.createTempFile(dir, "config", ".json"), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String json) {
        Path file = write(json);
        return assertProblem(() -> ConfigLoader.load(Optional.of(file), Map.of()));
    }

    /** Every problem is one line for the operator: no line break, no Java type name, no stack trace. */
    private static AbstractThrowableAssert<?, ? extends Throwable> assertProblem(Runnable load) {
        return assertThatThrownBy(load::run)
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage())
                        .startsWith("config: ")
                        .doesNotContain("\n")
                        .doesNotContain("\r")
                        .doesNotContain("Exception")
                        .doesNotContainPattern("\\b(java|javax|com|dev)\\.[a-z]+\\.")
                        .doesNotContain("$"))
                .satisfies(e -> assertThat(e.getStackTrace()).isEmpty());
    }
}

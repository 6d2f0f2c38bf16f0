package dev.whosthat.oauth.bootstrap.config;

import static dev.whosthat.oauth.bootstrap.config.ConfigException.quote;

import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.adapter.postgres.PgStorage;
import dev.whosthat.oauth.bootstrap.config.Environment.Variable;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.PasswordHash;
import dev.whosthat.oauth.domain.user.Username;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the {@link ServerConfig} from an optional JSON config file and the environment, or fails
 * with a {@link ConfigException} whose message is one line naming the problem.
 *
 * <p>Without a file the server runs in demo mode: in memory, on {@code 127.0.0.1:8080}, issuer
 * {@code http://localhost:8080}, with no configured clients or users ({@link ServerConfig#demo()}
 * tells the caller to seed and announce its demo client and user). The file looks like this; every
 * key is optional except {@code client_id} in a client entry, and an unknown or repeated key is an
 * error:
 *
 * <pre>{@code
 * {"issuer": "https://auth.example.com",
 *  "http": {"host": "0.0.0.0", "port": 9000},
 *  "storage": {"kind": "postgres", "uri": "postgresql://whosthat:secret@db:5432/whosthat", "pool_size": 16},
 *  "tokens": {"access_token_ttl_seconds": 3600, "refresh_token_ttl_seconds": 2592000},
 *  "password_hashing": {"memory_kib": 19456, "iterations": 2, "parallelism": 1},
 *  "clients": [{"client_id": "billing", "client_name": "Billing service",
 *               "client_secret": "at least 32 characters of random data",
 *               "token_endpoint_auth_method": "client_secret_basic",
 *               "grant_types": ["client_credentials"], "redirect_uris": [], "scope": "invoices:read"}],
 *  "users": [{"username": "alice", "password": "..."}]}
 * }</pre>
 *
 * <table>
 * <caption>Keys, defaults and rules</caption>
 * <tr><th>key</th><th>default</th><th>rule</th></tr>
 * <tr><td>{@code issuer}</td><td>{@code http://localhost:<port>} when the host is {@code 127.0.0.1} or
 *     {@code localhost}, else {@code http://<host>:<port>}</td>
 *     <td>RFC 8414 §2: absolute https URL (http only for localhost, 127.x.x.x, [::1]), no query or
 *     fragment; trailing slashes are removed</td></tr>
 * <tr><td>{@code http.host}, {@code http.port}</td><td>{@code 127.0.0.1}, {@code 8080}</td><td>port 1 to 65535</td></tr>
 * <tr><td>{@code storage.kind}</td><td>{@code memory}</td><td>{@code memory} or {@code postgres}</td></tr>
 * <tr><td>{@code storage.uri}</td><td>none</td><td>required for postgres ({@code postgresql://} or
 *     {@code postgres://}), refused for memory</td></tr>
 * <tr><td>{@code storage.pool_size}</td><td>16</td><td>1 to 256</td></tr>
 * <tr><td>{@code storage.cache_ttl_millis}</td><td>2000</td><td>0 (no cache) to 60000; postgres only</td></tr>
 * <tr><td>{@code tokens.*_ttl_seconds}</td><td>3600 (access), 2592000 (refresh, 30 days)</td><td>1 s to 10 years</td></tr>
 * <tr><td>{@code tokens.authorization_code_ttl_seconds}</td><td>60</td><td>1 s to 10 minutes</td></tr>
 * <tr><td>{@code tokens.session_ttl_seconds}</td><td>28800 (8 hours)</td><td>1 minute to 30 days</td></tr>
 * <tr><td>{@code clients[].require_pkce}</td><td>true</td><td>false only for a confidential client</td></tr>
 * <tr><td>{@code password_hashing}</td><td>Argon2id, 19456 KiB, 2 iterations, 1 lane</td><td>not below the
 *     OWASP minimum: {@code memory_kib} at least 19456, {@code iterations} at least 2 (1 is enough from
 *     47104 KiB)</td></tr>
 * <tr><td>{@code clients[].token_endpoint_auth_method}</td><td>{@code client_secret_basic}</td>
 *     <td>{@code client_secret_basic}, {@code client_secret_post} or {@code none} (public client, no secret)</td></tr>
 * <tr><td>{@code clients[].client_secret}</td><td>none</td><td>required unless the method is
 *     {@code none}; at least 32 characters</td></tr>
 * <tr><td>{@code clients[].grant_types}</td><td>{@code ["client_credentials"]} for a confidential client,
 *     {@code ["authorization_code", "refresh_token"]} for a public one</td>
 *     <td>{@code authorization_code}, {@code password}, {@code client_credentials}, {@code refresh_token};
 *     {@code authorization_code} needs {@code redirect_uris}</td></tr>
 * <tr><td>{@code clients[].redirect_uris}</td><td>none</td><td>absolute URIs without fragment, matched exactly</td></tr>
 * <tr><td>{@code clients[].scope}</td><td>empty</td><td>space-separated scope tokens (RFC 6749 §3.3)</td></tr>
 * <tr><td>{@code clients[].client_name}</td><td>the client id</td><td></td></tr>
 * <tr><td>{@code users[]}</td><td>none</td><td>unique {@code username}, non-empty {@code password}</td></tr>
 * <tr><td>{@code throttling.users.*}, {@code throttling.client_addresses.*}</td><td>see {@link ThrottlingEntries}</td>
 *     <td>{@code slow_after} ≤ {@code refuse_after}</td></tr>
 * <tr><td>{@code metrics.enabled}</td><td>true</td><td>false turns {@code /metrics} off, whatever else is set</td></tr>
 * <tr><td>{@code metrics.port}, {@code metrics.host}</td><td>none (the main listener), {@code 127.0.0.1}</td>
 *     <td>a port gives metrics a listener of their own; it must differ from {@code http.port}; a host needs a port</td></tr>
 * <tr><td>{@code logging.format}</td><td>{@code text}</td><td>{@code text} or {@code json}</td></tr>
 * <tr><td>{@code shutdown.grace_seconds}</td><td>10</td><td>0 to 3600: how long requests in flight may finish</td></tr>
 * </table>
 *
 * <p>Environment variables override the file. An empty variable counts as unset; a bad value is an
 * error naming the variable.
 *
 * <table>
 * <caption>Environment overrides</caption>
 * <tr><th>variable</th><th>overrides</th><th>example</th></tr>
 * <tr><td>{@code OAUTH_ISSUER}</td><td>{@code issuer}</td><td>{@code https://auth.example.com}</td></tr>
 * <tr><td>{@code OAUTH_HTTP_HOST}</td><td>{@code http.host}</td><td>{@code 0.0.0.0}</td></tr>
 * <tr><td>{@code OAUTH_HTTP_PORT}</td><td>{@code http.port}</td><td>{@code 9000}</td></tr>
 * <tr><td>{@code OAUTH_STORAGE_KIND}</td><td>{@code storage.kind}</td><td>{@code postgres}</td></tr>
 * <tr><td>{@code OAUTH_STORAGE_URI}</td><td>{@code storage.uri}</td><td>{@code postgresql://whosthat:secret@db:5432/whosthat}</td></tr>
 * <tr><td>{@code OAUTH_STORAGE_POOL_SIZE}</td><td>{@code storage.pool_size}</td><td>{@code 32}</td></tr>
 * <tr><td>{@code OAUTH_STORAGE_CACHE_TTL_MILLIS}</td><td>{@code storage.cache_ttl_millis}</td><td>{@code 500}</td></tr>
 * <tr><td>{@code OAUTH_ACCESS_TOKEN_TTL_SECONDS}</td><td>{@code tokens.access_token_ttl_seconds}</td><td>{@code 900}</td></tr>
 * <tr><td>{@code OAUTH_REFRESH_TOKEN_TTL_SECONDS}</td><td>{@code tokens.refresh_token_ttl_seconds}</td><td>{@code 86400}</td></tr>
 * <tr><td>{@code OAUTH_METRICS_ENABLED}</td><td>{@code metrics.enabled}</td><td>{@code false}</td></tr>
 * <tr><td>{@code OAUTH_METRICS_HOST}</td><td>{@code metrics.host}</td><td>{@code 0.0.0.0}</td></tr>
 * <tr><td>{@code OAUTH_METRICS_PORT}</td><td>{@code metrics.port}</td><td>{@code 9090}</td></tr>
 * <tr><td>{@code OAUTH_LOG_FORMAT}</td><td>{@code logging.format}</td><td>{@code json}</td></tr>
 * <tr><td>{@code OAUTH_SHUTDOWN_GRACE_SECONDS}</td><td>{@code shutdown.grace_seconds}</td><td>{@code 30}</td></tr>
 * </table>
 */
public final class ConfigLoader {

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 8080;
    /** Bounds a lifetime so that {@code now + ttl} can never overflow an {@code Instant}. */
    static final long MAX_TTL_SECONDS = Duration.ofDays(3650).toSeconds();
    /** RFC 6749 §4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED." */
    static final long MAX_CODE_TTL_SECONDS = Duration.ofMinutes(10).toSeconds();
    static final long MAX_SESSION_TTL_SECONDS = Duration.ofDays(30).toSeconds();
    /** OWASP Password Storage Cheat Sheet: Argon2id with 19 MiB and 2 iterations... */
    static final int OWASP_MIN_MEMORY_KIB = 19_456;
    /** ...or with 46 MiB and 1 iteration. */
    static final int OWASP_ONE_PASS_MEMORY_KIB = 47_104;

    private ConfigLoader() {
    }

    /**
     * @param file the config file, or empty for demo mode
     * @param env the environment, {@link System#getenv()} in production
     * @throws ConfigException if the file cannot be read or a value is wrong
     */
    public static ServerConfig load(Optional<Path> file, Map<String, String> env) {
        ConfigFile config = file.map(ConfigFileReader::read).orElse(ConfigFile.EMPTY);
        Environment environment = new Environment(env);
        String host = host(config.http(), environment);
        int port = (int) number(environment, Variable.OAUTH_HTTP_PORT, config.http().port(), "http.port", 1, 65_535, DEFAULT_PORT);
        Argon2idPasswordHasher.Cost hashing = passwordHashing(config.passwordHashing());
        return new ServerConfig(
                issuer(config, environment, host, port),
                host,
                port,
                storage(config.storage(), environment),
                ClientEntries.map(config.clients()),
                users(config.users(), hashing),
                tokenLifetimes(config.tokens(), environment),
                hashing,
                ThrottlingEntries.map(config.throttling()),
                file.isEmpty(),
                operations(config, environment, port));
    }

    /** A value and where it came from (a file key or an environment variable), to name in messages. */
    private record Sourced(String value, String source) {
    }

    private static Optional<Sourced> text(Environment environment, Variable variable, String fileValue, String key) {
        return environment.text(variable).map(value -> new Sourced(value, variable.name()))
                .or(() -> Optional.ofNullable(fileValue).map(value -> new Sourced(value, key)));
    }

    private static long number(Environment environment, Variable variable, Number fileValue, String key,
            long min, long max, long fallback) {
        Optional<Long> fromEnvironment = environment.number(variable, min, max);
        if (fromEnvironment.isPresent()) {
            return fromEnvironment.get();
        }
        return fileNumber(fileValue, key, min, max, fallback);
    }

    private static String host(ConfigFile.Http http, Environment environment) {
        Optional<Sourced> host = text(environment, Variable.OAUTH_HTTP_HOST, http.host(), "http.host");
        host.ifPresent(h -> {
            if (h.value().isEmpty() || h.value().codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new ConfigException(h.source() + " must be a host name or IP address, got " + quote(h.value()));
            }
        });
        return host.map(Sourced::value).orElse(DEFAULT_HOST);
    }

    private static String issuer(ConfigFile config, Environment environment, String host, int port) {
        Optional<Sourced> given = text(environment, Variable.OAUTH_ISSUER, config.issuer(), "issuer");
        if (given.isPresent()) {
            try {
                return IssuerUri.normalise(given.get().value());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(given.get().source() + " " + quote(given.get().value()) + " " + e.getMessage());
            }
        }
        String fallback = defaultIssuer(host, port);
        try {
            return IssuerUri.normalise(fallback);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("no issuer is set, and the default " + quote(fallback) + " " + e.getMessage()
                    + "; set issuer or " + Variable.OAUTH_ISSUER + " to the URL clients use to reach the server");
        }
    }

    /**
     * A loopback bind gets {@code localhost}: the name people type, and one that browsers treat as a
     * secure context even over http. Any other host is used as is; unless it is set explicitly, the
     * issuer is then refused (plain http), which makes a public deployment name its real URL.
     */
    private static String defaultIssuer(String host, int port) {
        if (host.equals("127.0.0.1") || host.equalsIgnoreCase("localhost")) {
            return "http://localhost:" + port;
        }
        String literal = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + literal + ":" + port;
    }

    private static StorageSettings storage(ConfigFile.Storage storage, Environment environment) {
        Optional<Sourced> kindText = text(environment, Variable.OAUTH_STORAGE_KIND, storage.kind(), "storage.kind");
        StorageSettings.Kind kind = kindText
                .map(k -> StorageSettings.Kind.fromWire(k.value()).orElseThrow(() -> new ConfigException(
                        k.source() + " must be \"memory\" or \"postgres\", got " + quote(k.value()))))
                .orElse(StorageSettings.Kind.MEMORY);
        Optional<Sourced> uri = text(environment, Variable.OAUTH_STORAGE_URI, storage.uri(), "storage.uri");
        int poolSize = (int) number(environment, Variable.OAUTH_STORAGE_POOL_SIZE, storage.poolSize(), "storage.pool_size",
                StorageSettings.MIN_POOL_SIZE, StorageSettings.MAX_POOL_SIZE, StorageSettings.DEFAULT_POOL_SIZE);
        long cacheTtlMillis = number(environment, Variable.OAUTH_STORAGE_CACHE_TTL_MILLIS, storage.cacheTtlMillis(),
                "storage.cache_ttl_millis", 0, PgStorage.Settings.MAX_CACHE_TTL.toMillis(),
                PgStorage.Settings.DEFAULT_CACHE_TTL.toMillis());
        if (kind == StorageSettings.Kind.POSTGRES) {
            if (uri.isEmpty()) {
                throw new ConfigException("storage kind postgres needs a connection URI: set storage.uri or "
                        + Variable.OAUTH_STORAGE_URI);
            }
            if (!StorageSettings.isPostgresUri(uri.get().value())) {
                // The URI is not echoed: it may hold a password.
                throw new ConfigException(uri.get().source() + " must start with postgresql:// or postgres://");
            }
        } else if (uri.isPresent()) {
            // Likely a mistake that would silently lose data on restart: refuse it.
            throw new ConfigException(uri.get().source() + " is set but storage kind is memory; set storage.kind or "
                    + Variable.OAUTH_STORAGE_KIND + " to postgres, or remove the URI");
        }
        return new StorageSettings(kind, uri.map(Sourced::value), poolSize, Duration.ofMillis(cacheTtlMillis));
    }

    private static TokenLifetimes tokenLifetimes(ConfigFile.Tokens tokens, Environment environment) {
        long access = number(environment, Variable.OAUTH_ACCESS_TOKEN_TTL_SECONDS, tokens.accessTokenTtlSeconds(),
                "tokens.access_token_ttl_seconds", 1, MAX_TTL_SECONDS, TokenLifetimes.DEFAULTS.accessToken().toSeconds());
        long refresh = number(environment, Variable.OAUTH_REFRESH_TOKEN_TTL_SECONDS, tokens.refreshTokenTtlSeconds(),
                "tokens.refresh_token_ttl_seconds", 1, MAX_TTL_SECONDS, TokenLifetimes.DEFAULTS.refreshToken().toSeconds());
        long code = fileNumber(tokens.authorizationCodeTtlSeconds(), "tokens.authorization_code_ttl_seconds",
                1, MAX_CODE_TTL_SECONDS, TokenLifetimes.DEFAULT_CODE.toSeconds());
        long session = fileNumber(tokens.sessionTtlSeconds(), "tokens.session_ttl_seconds",
                60, MAX_SESSION_TTL_SECONDS, TokenLifetimes.DEFAULT_SESSION.toSeconds());
        return new TokenLifetimes(Duration.ofSeconds(access), Duration.ofSeconds(refresh), Duration.ofSeconds(code),
                Duration.ofSeconds(session));
    }

    static long fileNumber(Number fileValue, String key, long min, long max, long fallback) {
        if (fileValue == null) {
            return fallback;
        }
        long value = fileValue.longValue();
        if (value < min || value > max) {
            throw new ConfigException(key + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    private static Argon2idPasswordHasher.Cost passwordHashing(ConfigFile.PasswordHashing hashing) {
        Argon2idPasswordHasher.Cost minimum = Argon2idPasswordHasher.Cost.OWASP_MINIMUM;
        int memoryKib = hashing.memoryKib() == null ? minimum.memoryKib() : hashing.memoryKib();
        int iterations = hashing.iterations() == null ? minimum.iterations() : hashing.iterations();
        int parallelism = hashing.parallelism() == null ? minimum.parallelism() : hashing.parallelism();
        if (memoryKib < OWASP_MIN_MEMORY_KIB) {
            throw new ConfigException("password_hashing.memory_kib must be at least " + OWASP_MIN_MEMORY_KIB
                    + " (the OWASP minimum for Argon2id), got " + memoryKib);
        }
        if (iterations < 1 || (iterations < 2 && memoryKib < OWASP_ONE_PASS_MEMORY_KIB)) {
            throw new ConfigException("password_hashing.iterations must be at least 2 (or 1 with memory_kib of at least "
                    + OWASP_ONE_PASS_MEMORY_KIB + ", the OWASP minimum for Argon2id), got " + iterations);
        }
        try {
            return new Argon2idPasswordHasher.Cost(memoryKib, iterations, parallelism);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("password_hashing: " + e.getMessage());
        }
    }

    private static OperationsSettings operations(ConfigFile config, Environment environment, int httpPort) {
        Optional<Sourced> format = text(environment, Variable.OAUTH_LOG_FORMAT, config.logging().format(), "logging.format");
        OperationsSettings.LogFormat logFormat = format.map(f -> Arrays.stream(OperationsSettings.LogFormat.values())
                        .filter(known -> known.wire().equals(f.value())).findFirst()
                        .orElseThrow(() -> new ConfigException(f.source() + " must be \"text\" or \"json\", got " + quote(f.value()))))
                .orElse(OperationsSettings.LogFormat.TEXT);
        long grace = number(environment, Variable.OAUTH_SHUTDOWN_GRACE_SECONDS, config.shutdown().graceSeconds(),
                "shutdown.grace_seconds", 0, OperationsSettings.MAX_SHUTDOWN_GRACE.toSeconds(),
                OperationsSettings.DEFAULT_SHUTDOWN_GRACE.toSeconds());
        return new OperationsSettings(metrics(config.metrics(), environment, httpPort), logFormat, Duration.ofSeconds(grace));
    }

    /**
     * On by default, on the main listener. A port gives metrics a listener of their own (on
     * {@code 127.0.0.1} unless a host is named); {@code enabled: false} turns them off whatever else
     * is set, so that the environment can switch them off without editing the file.
     */
    private static MetricsSettings metrics(ConfigFile.Metrics metrics, Environment environment, int httpPort) {
        boolean enabled = environment.flag(Variable.OAUTH_METRICS_ENABLED)
                .orElse(metrics.enabled() == null || metrics.enabled());
        Optional<Sourced> host = text(environment, Variable.OAUTH_METRICS_HOST, metrics.host(), "metrics.host");
        Optional<Long> port = environment.number(Variable.OAUTH_METRICS_PORT, 1, 65_535)
                .or(() -> Optional.ofNullable(metrics.port())
                        .map(p -> fileNumber(p, "metrics.port", 1, 65_535, 0)));
        if (!enabled) {
            return MetricsSettings.OFF;
        }
        if (port.isEmpty()) {
            host.ifPresent(h -> {
                throw new ConfigException(h.source() + " is set but no metrics port is: set metrics.port or "
                        + Variable.OAUTH_METRICS_PORT + " to serve metrics on a listener of their own");
            });
            return MetricsSettings.MAIN_LISTENER;
        }
        if (port.get() == httpPort) {
            throw new ConfigException("the metrics port must differ from the HTTP port (" + httpPort
                    + "); leave it unset to serve metrics on the main listener");
        }
        host.ifPresent(h -> {
            if (h.value().isEmpty() || h.value().codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
                throw new ConfigException(h.source() + " must be a host name or IP address, got " + quote(h.value()));
            }
        });
        return MetricsSettings.ownListener(host.map(Sourced::value).orElse(MetricsSettings.DEFAULT_HOST), port.get().intValue());
    }

    private static List<UserSeed> users(List<ConfigFile.UserEntry> entries, Argon2idPasswordHasher.Cost hashing) {
        List<UserSeed> users = new ArrayList<>();
        Set<Username> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ConfigFile.UserEntry entry = entries.get(i);
            if (entry.username() == null) {
                throw new ConfigException("users[" + i + "]: username is missing");
            }
            Username username;
            try {
                username = new Username(entry.username());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("users[" + i + "]: " + e.getMessage());
            }
            if (!seen.add(username)) {
                throw new ConfigException("user " + quote(username) + " is defined twice (users[" + i + "])");
            }
            users.add(new UserSeed(username, credential(username, entry, hashing)));
        }
        return users;
    }

    private static UserSeed.Credential credential(Username username, ConfigFile.UserEntry entry,
                                                  Argon2idPasswordHasher.Cost hashing) {
        if (entry.password() == null && entry.passwordHash() == null) {
            throw new ConfigException("user " + quote(username) + ": password is missing (give password or password_hash)");
        }
        if (entry.password() != null && entry.passwordHash() != null) {
            throw new ConfigException("user " + quote(username) + ": give password or password_hash, not both");
        }
        try {
            if (entry.password() != null) {
                return new UserSeed.Clear(new Password(entry.password()));
            }
            PasswordHash hash = new PasswordHash(entry.passwordHash());
            Argon2idPasswordHasher.Cost cost = Argon2idPasswordHasher.costOf(hash).orElseThrow(() ->
                    new IllegalArgumentException("password_hash is not an Argon2id hash (make one with hash-password)"));
            // A weaker hash would be replaced at the first sign-in and put back at the next start.
            if (cost.weakerThan(hashing)) {
                throw new IllegalArgumentException("password_hash was made at a lower cost than password_hashing"
                        + " (make it again with hash-password)");
            }
            return new UserSeed.Hashed(hash);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("user " + quote(username) + ": " + e.getMessage());
        }
    }
}

package dev.whosthat.oauth.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The config file as written, before any check: every key is optional (a missing section becomes
 * an empty one). {@link ConfigLoader} maps it by hand to domain types. Key names follow RFC 7591
 * client metadata where one exists.
 */
record ConfigFile(
        String issuer,
        Http http,
        Storage storage,
        Tokens tokens,
        @JsonProperty("password_hashing") PasswordHashing passwordHashing,
        Throttling throttling,
        List<ClientEntry> clients,
        List<UserEntry> users,
        Metrics metrics,
        Logging logging,
        Shutdown shutdown) {

    static final ConfigFile EMPTY = new ConfigFile(null, null, null, null, null, null, null, null, null, null, null);

    ConfigFile {
        http = http == null ? new Http(null, null) : http;
        storage = storage == null ? new Storage(null, null, null, null) : storage;
        tokens = tokens == null ? new Tokens(null, null, null, null) : tokens;
        passwordHashing = passwordHashing == null ? new PasswordHashing(null, null, null) : passwordHashing;
        throttling = throttling == null ? new Throttling(null, null) : throttling;
        clients = clients == null ? List.of() : clients;
        users = users == null ? List.of() : users;
        metrics = metrics == null ? new Metrics(null, null, null) : metrics;
        logging = logging == null ? new Logging(null) : logging;
        shutdown = shutdown == null ? new Shutdown(null) : shutdown;
    }

    record Metrics(Boolean enabled, String host, Integer port) {
    }

    record Logging(String format) {
    }

    record Shutdown(@JsonProperty("grace_seconds") Long graceSeconds) {
    }

    record Http(String host, Integer port) {
    }

    record Storage(String kind, String uri, @JsonProperty("pool_size") Integer poolSize,
                   @JsonProperty("cache_ttl_millis") Long cacheTtlMillis) {

        @Override
        public String toString() {
            return "Storage[kind=" + kind + ", uri=" + (uri == null ? null : StorageSettings.masked(uri)) + ", poolSize=" + poolSize
                    + ", cacheTtlMillis=" + cacheTtlMillis + "]";
        }
    }

    record Tokens(
            @JsonProperty("access_token_ttl_seconds") Long accessTokenTtlSeconds,
            @JsonProperty("refresh_token_ttl_seconds") Long refreshTokenTtlSeconds,
            @JsonProperty("authorization_code_ttl_seconds") Long authorizationCodeTtlSeconds,
            @JsonProperty("session_ttl_seconds") Long sessionTtlSeconds) {
    }

    /** Per username (sign-ins, password grants) and per source address (client authentication). */
    record Throttling(ThrottlePolicy users, @JsonProperty("client_addresses") ThrottlePolicy clientAddresses) {
    }

    record ThrottlePolicy(
            @JsonProperty("slow_after") Integer slowAfter,
            @JsonProperty("refuse_after") Integer refuseAfter,
            @JsonProperty("window_seconds") Long windowSeconds,
            @JsonProperty("delay_step_millis") Long delayStepMillis,
            @JsonProperty("max_delay_millis") Long maxDelayMillis) {
    }

    record PasswordHashing(@JsonProperty("memory_kib") Integer memoryKib, Integer iterations, Integer parallelism) {
    }

    /** RFC 7591 §2 client metadata, the subset the server uses. */
    record ClientEntry(
            @JsonProperty("client_id") String clientId,
            @JsonProperty("client_name") String clientName,
            @JsonProperty("client_secret") String clientSecret,
            @JsonProperty("token_endpoint_auth_method") String tokenEndpointAuthMethod,
            @JsonProperty("grant_types") List<String> grantTypes,
            @JsonProperty("redirect_uris") List<String> redirectUris,
            String scope,
            @JsonProperty("require_pkce") Boolean requirePkce) {

        @Override
        public String toString() {
            return "ClientEntry[clientId=" + clientId + ", clientSecret=" + (clientSecret == null ? null : "[redacted]") + "]";
        }
    }

    record UserEntry(String username, String password, @JsonProperty("password_hash") String passwordHash) {

        @Override
        public String toString() {
            return "UserEntry[username=" + username + ", password=[redacted], password_hash=[redacted]]";
        }
    }
}

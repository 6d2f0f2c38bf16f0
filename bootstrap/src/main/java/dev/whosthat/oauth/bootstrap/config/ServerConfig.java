package dev.whosthat.oauth.bootstrap.config;

import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.application.client.ClientRegistration;
import dev.whosthat.oauth.application.throttle.ThrottleSettings;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import java.util.List;
import java.util.Objects;

/**
 * Everything the server needs to start, already checked: built by {@link ConfigLoader} from the
 * config file and the environment.
 *
 * @param issuer the issuer identifier (RFC 8414 §2): an https URL (http only on a loopback host)
 *     without query, fragment or trailing slash
 * @param host the address the HTTP server binds to
 * @param port the HTTP port; 0 (any free port) only when built by hand, e.g. in tests
 * @param clients clients to register at start-up
 * @param users resource owners to register at start-up
 * @param demo true when no config file was given: the caller seeds and announces a demo client and user
 * @param operations metrics exposure, log format, shutdown grace period
 */
public record ServerConfig(
        String issuer,
        String host,
        int port,
        StorageSettings storage,
        List<ClientRegistration> clients,
        List<UserSeed> users,
        TokenLifetimes tokenLifetimes,
        Argon2idPasswordHasher.Cost passwordHashing,
        ThrottleSettings throttling,
        boolean demo,
        OperationsSettings operations) {

    /** With the default {@link OperationsSettings}. */
    public ServerConfig(String issuer, String host, int port, StorageSettings storage, List<ClientRegistration> clients,
                        List<UserSeed> users, TokenLifetimes tokenLifetimes, Argon2idPasswordHasher.Cost passwordHashing,
                        ThrottleSettings throttling, boolean demo) {
        this(issuer, host, port, storage, clients, users, tokenLifetimes, passwordHashing, throttling, demo,
                OperationsSettings.DEFAULTS);
    }

    public ServerConfig {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(tokenLifetimes, "tokenLifetimes");
        Objects.requireNonNull(passwordHashing, "passwordHashing");
        Objects.requireNonNull(throttling, "throttling");
        Objects.requireNonNull(operations, "operations");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535");
        }
        clients = List.copyOf(clients);
        users = List.copyOf(users);
    }

    public ServerConfig withOperations(OperationsSettings other) {
        return new ServerConfig(issuer, host, port, storage, clients, users, tokenLifetimes, passwordHashing, throttling, demo, other);
    }
}

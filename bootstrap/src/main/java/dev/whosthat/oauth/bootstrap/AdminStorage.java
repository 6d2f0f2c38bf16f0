package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.adapter.memory.SecureRandomTokenGenerator;
import dev.whosthat.oauth.adapter.postgres.PgStorage;
import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.bootstrap.config.ConfigException;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.bootstrap.config.StorageSettings;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The storage a configuration names, opened for one admin command, with the driven ports the admin
 * use cases need. Opening PostgreSQL brings its schema up to date, as a starting server does.
 *
 * <p>Memory storage is a fresh, empty one, filled with the configuration's clients and users: what a
 * server started with the same configuration would hold at start. A running server's memory is
 * not reachable from another process, which is why the commands refuse to change it.
 */
public final class AdminStorage implements AutoCloseable {

    private final StorageAdapters storage;
    private final OAuthUseCases.Ports ports;
    private final Optional<Vertx> vertx;
    private final ExecutorService passwordHashing;

    private AdminStorage(StorageAdapters storage, OAuthUseCases.Ports ports, Optional<Vertx> vertx,
                         ExecutorService passwordHashing) {
        this.storage = storage;
        this.ports = ports;
        this.vertx = vertx;
        this.passwordHashing = passwordHashing;
    }

    /**
     * Blocks the calling thread (a command line's main thread) until the storage is open.
     *
     * @throws ConfigException when the database refuses the configured credentials or database
     * @throws dev.whosthat.oauth.domain.port.StorageUnavailableException when it cannot be reached
     */
    public static AdminStorage open(ServerConfig config) {
        Clock clock = Clock.systemUTC();
        Optional<Vertx> vertx = config.storage().kind() == StorageSettings.Kind.POSTGRES
                ? Optional.of(Vertx.vertx())
                : Optional.empty();
        StorageAdapters storage;
        try {
            storage = StorageAdapters.of(config.storage(), vertx.orElse(null), clock);
        } catch (RuntimeException unusable) {
            vertx.ifPresent(Vertx::close);
            throw unusable;
        }
        ExecutorService passwordHashing = Executors.newSingleThreadExecutor(OAuthServer.daemonThreads("password-hash-"));
        OAuthUseCases.Ports ports = new OAuthUseCases.Ports(storage.clients(), storage.users(), storage.tokens(),
                storage.codes(), storage.sessions(), storage.consents(), storage.failures(),
                new Argon2idPasswordHasher(config.passwordHashing(), passwordHashing), new SecureRandomTokenGenerator(),
                AuditTrails.forAdminCommands(config), clock);
        AdminStorage opened = new AdminStorage(storage, ports, vertx, passwordHashing);
        if (config.storage().kind() == StorageSettings.Kind.MEMORY) {
            try {
                ConfigSeed.apply(ports, config);
            } catch (RuntimeException failed) {
                opened.close();
                throw failed;
            }
        }
        return opened;
    }

    public OAuthUseCases.Ports ports() {
        return ports;
    }

    /** What opening PostgreSQL found and migrated; empty for memory. */
    public Optional<PgStorage.Schema> schema() {
        return storage.schema();
    }

    @Override
    public void close() {
        storage.close();
        vertx.ifPresent(v -> {
            try {
                v.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (Exception notClean) {
                // Nothing is left to lose: the command's work is done and the process is about to exit.
            }
        });
        passwordHashing.shutdownNow();
    }
}

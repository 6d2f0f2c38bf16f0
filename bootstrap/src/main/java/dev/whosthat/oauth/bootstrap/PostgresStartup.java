package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.adapter.postgres.PgStorage;
import dev.whosthat.oauth.bootstrap.config.ConfigException;
import dev.whosthat.oauth.bootstrap.config.StorageSettings;
import dev.whosthat.oauth.domain.port.StorageUnavailableException;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the PostgreSQL storage at start-up: a database that is not reachable yet (it may be starting
 * beside us) is tried a few more times over about ten seconds; then start-up fails with one line
 * that names it. A database that answers but refuses us (wrong password, no such database) is a
 * configuration fault at once.
 */
final class PostgresStartup {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresStartup.class);

    /** Waits between attempts: five attempts, ten seconds of waiting in all. */
    private static final List<Duration> BACKOFF = List.of(
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4));
    /** Bounds one attempt, migrations included; connecting alone times out much sooner. */
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofMinutes(6);

    /**
     * SQLSTATEs (or their classes) that mean "you may not" rather than "not now": class 28 (wrong
     * user or password), class 3D (no such database), 42501 (the role may not create the schema).
     */
    private static final List<String> REFUSALS = List.of("28", "3D", "42501");

    private PostgresStartup() {
    }

    /** Runs on the starting thread, never an event loop, so it may wait. */
    static StorageAdapters open(StorageSettings settings, Vertx vertx, Clock clock) {
        PgStorage.Settings pg = PgStorage.Settings.of(settings.uri().orElseThrow(), settings.poolSize())
                .withCacheTtl(settings.cacheTtl());
        int attempts = BACKOFF.size() + 1;
        for (int attempt = 1; ; attempt++) {
            StorageUnavailableException unavailable;
            try {
                PgStorage storage = PgStorage.open(vertx, pg, clock).toCompletableFuture()
                        .get(ATTEMPT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                logSchema(storage);
                return new StorageAdapters(storage.clients(), storage.users(), storage.tokens(), storage.codes(),
                        storage.sessions(), storage.consents(), storage.failures(), storage.health(),
                        Optional.of(storage.schema()), () -> close(storage));
            } catch (ExecutionException failed) {
                if (!(failed.getCause() instanceof StorageUnavailableException notNow)) {
                    throw unusable(settings, failed.getCause());
                }
                unavailable = notNow;
            } catch (TimeoutException slow) {
                throw new StorageUnavailableException("PostgreSQL at " + target(settings)
                        + " did not finish opening within " + ATTEMPT_TIMEOUT.toMinutes() + " minutes");
            } catch (InterruptedException interrupted) {
                throw interrupted();
            }
            String reason = PgStorage.describe(rootOf(unavailable));
            if (attempt == attempts) {
                // No cause attached: the launcher prints the root cause's message, and this is the line to read.
                throw new StorageUnavailableException("PostgreSQL at " + target(settings) + " is unreachable after "
                        + attempts + " attempts in " + totalBackoff().toSeconds() + " s: " + reason);
            }
            Duration wait = BACKOFF.get(attempt - 1);
            LOG.info("PostgreSQL at {} is not reachable yet (attempt {} of {}: {}); trying again in {} s",
                    target(settings), attempt, attempts, reason, wait.toSeconds());
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException interrupted) {
                throw interrupted();
            }
        }
    }

    private static IllegalStateException interrupted() {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted while opening PostgreSQL storage");
    }

    private static RuntimeException unusable(StorageSettings settings, Throwable cause) {
        LOG.debug("PostgreSQL storage cannot be opened", cause);
        String problem = "PostgreSQL at " + target(settings) + ": " + PgStorage.describe(cause);
        if (cause instanceof IllegalArgumentException
                || (cause instanceof PgException pg && pg.getSqlState() != null
                        && REFUSALS.stream().anyMatch(pg.getSqlState()::startsWith))) {
            return new ConfigException("storage.uri: " + problem);
        }
        return new IllegalStateException(problem);
    }

    private static void logSchema(PgStorage storage) {
        PgStorage.Schema schema = storage.schema();
        if (!schema.applied().isEmpty()) {
            LOG.info("PostgreSQL at {}: schema migrated from version {} to {} (applied {})", storage.target(),
                    schema.before(), schema.after(), schema.applied());
        } else {
            LOG.info("PostgreSQL at {}: schema up to date at version {}", storage.target(), schema.after());
        }
        if (schema.after() > schema.latestKnown()) {
            LOG.warn("PostgreSQL at {}: schema version {} is newer than this build knows ({}); a newer node migrated it",
                    storage.target(), schema.after(), schema.latestKnown());
        }
    }

    private static void close(PgStorage storage) {
        try {
            storage.close().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("PostgreSQL pool did not close cleanly: {}", e.toString());
        }
    }

    /** host:port/database, without user or password. */
    private static String target(StorageSettings settings) {
        try {
            PgConnectOptions options = PgConnectOptions.fromUri(settings.uri().orElseThrow());
            return options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
        } catch (RuntimeException malformed) {
            return "(malformed URI)";
        }
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private static Duration totalBackoff() {
        return BACKOFF.stream().reduce(Duration.ZERO, Duration::plus);
    }
}

package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.adapter.memory.InMemoryAuthorizationCodeStore;
import dev.whosthat.oauth.adapter.memory.InMemoryClientRepository;
import dev.whosthat.oauth.adapter.memory.InMemoryConsentStore;
import dev.whosthat.oauth.adapter.memory.InMemoryFailureCounter;
import dev.whosthat.oauth.adapter.memory.InMemorySessionStore;
import dev.whosthat.oauth.adapter.memory.InMemoryStorageHealth;
import dev.whosthat.oauth.adapter.memory.InMemoryTokenStore;
import dev.whosthat.oauth.adapter.memory.InMemoryUserRepository;
import dev.whosthat.oauth.adapter.postgres.PgStorage;
import dev.whosthat.oauth.bootstrap.config.StorageSettings;
import dev.whosthat.oauth.domain.port.AuthorizationCodeStore;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.port.ConsentStore;
import dev.whosthat.oauth.domain.port.FailureCounter;
import dev.whosthat.oauth.domain.port.SessionStore;
import dev.whosthat.oauth.domain.port.StorageHealth;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.port.UserRepository;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The storage ports of one kind, chosen by configuration, with what the kind needs to stay bounded and to stop.
 *
 * @param schema what opening PostgreSQL found and migrated; empty for memory
 */
record StorageAdapters(
        ClientRepository clients,
        UserRepository users,
        TokenStore tokens,
        AuthorizationCodeStore codes,
        SessionStore sessions,
        ConsentStore consents,
        FailureCounter failures,
        StorageHealth health,
        Optional<PgStorage.Schema> schema,
        Runnable closer) {

    /**
     * The most entries one sweep statement deletes: small enough that each is a short transaction
     * holding few row locks, and that a sweep never stalls the requests beside it.
     */
    static final int SWEEP_ROUND = 500;

    /**
     * The storage the settings name. For PostgreSQL this connects and migrates, waiting on the
     * calling thread (never an event loop) with a bounded retry; see {@link PostgresStartup}.
     */
    static StorageAdapters of(StorageSettings settings, Vertx vertx, Clock clock) {
        return switch (settings.kind()) {
            case MEMORY -> new StorageAdapters(new InMemoryClientRepository(), new InMemoryUserRepository(),
                    new InMemoryTokenStore(clock), new InMemoryAuthorizationCodeStore(), new InMemorySessionStore(),
                    new InMemoryConsentStore(), new InMemoryFailureCounter(), new InMemoryStorageHealth(), Optional.empty(),
                    () -> { });
            case POSTGRES -> PostgresStartup.open(settings, vertx, clock);
        };
    }

    /**
     * Consumed codes are kept this long past their expiry, so that a late replay is still recognised
     * and still revokes what the first redemption got (RFC 6749 §4.1.2).
     */
    static final Duration CODE_REPLAY_WINDOW = Duration.ofMinutes(10);

    /**
     * Deletes every expired entry (tokens, codes, sessions), in rounds of at most {@link #SWEEP_ROUND}
     * until a round comes back short, one kind after the other; returns how many in all. There is no
     * budget per run: under constant load each run must keep up with whatever expired meanwhile.
     */
    CompletionStage<Integer> sweepExpired(Instant now) {
        return inRounds(tokens::sweepExpired, now)
                .thenCompose(swept -> inRounds(codes::sweepExpired, now.minus(CODE_REPLAY_WINDOW)).thenApply(more -> swept + more))
                .thenCompose(swept -> inRounds(sessions::sweepExpired, now).thenApply(more -> swept + more))
                .thenCompose(swept -> inRounds(failures::sweepExpired, now).thenApply(more -> swept + more));
    }

    /** One kind's {@code sweepExpired(now, limit)}. */
    @FunctionalInterface
    interface Sweeper {
        CompletionStage<Integer> sweep(Instant now, int limit);
    }

    static CompletionStage<Integer> inRounds(Sweeper sweeper, Instant now) {
        return sweeper.sweep(now, SWEEP_ROUND).thenCompose(swept -> swept < SWEEP_ROUND
                ? CompletableFuture.completedFuture(swept)
                : inRounds(sweeper, now).thenApply(more -> swept + more));
    }

    void close() {
        closer.run();
    }
}

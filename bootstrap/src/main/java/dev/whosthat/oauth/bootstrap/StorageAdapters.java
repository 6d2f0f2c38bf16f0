package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.adapter.memory.InMemoryAuthorizationCodeStore;
import dev.whosthat.oauth.adapter.memory.InMemoryClientRepository;
import dev.whosthat.oauth.adapter.memory.InMemoryConsentStore;
import dev.whosthat.oauth.adapter.memory.InMemorySessionStore;
import dev.whosthat.oauth.adapter.memory.InMemoryTokenStore;
import dev.whosthat.oauth.adapter.memory.InMemoryUserRepository;
import dev.whosthat.oauth.bootstrap.config.StorageSettings;
import dev.whosthat.oauth.domain.port.AuthorizationCodeStore;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.port.ConsentStore;
import dev.whosthat.oauth.domain.port.SessionStore;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.port.UserRepository;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The storage ports of one kind, chosen by configuration, with what the kind needs to stay bounded and to stop. */
record StorageAdapters(
        ClientRepository clients,
        UserRepository users,
        TokenStore tokens,
        AuthorizationCodeStore codes,
        SessionStore sessions,
        ConsentStore consents,
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
                    new InMemoryConsentStore(), () -> { });
            case POSTGRES -> PostgresStartup.open(settings, vertx, clock);
        };
    }

    /**
     * Deletes up to {@code budget} expired entries of each kind (tokens, codes, sessions), in rounds
     * of at most {@link #SWEEP_ROUND}, one kind after the other; returns how many in all.
     */
    CompletionStage<Integer> sweepExpired(Instant now, int budget) {
        return inRounds(tokens::sweepExpired, now, budget)
                .thenCompose(swept -> inRounds(codes::sweepExpired, now, budget).thenApply(more -> swept + more))
                .thenCompose(swept -> inRounds(sessions::sweepExpired, now, budget).thenApply(more -> swept + more));
    }

    /** One kind's {@code sweepExpired(now, limit)}. */
    @FunctionalInterface
    interface Sweeper {
        CompletionStage<Integer> sweep(Instant now, int limit);
    }

    /** Sweeps round after round until a round comes back short (nothing more expired) or the budget is spent. */
    static CompletionStage<Integer> inRounds(Sweeper sweeper, Instant now, int budget) {
        int round = Math.min(SWEEP_ROUND, budget);
        if (round <= 0) {
            return CompletableFuture.completedFuture(0);
        }
        return sweeper.sweep(now, round).thenCompose(swept -> swept < round
                ? CompletableFuture.completedFuture(swept)
                : inRounds(sweeper, now, budget - swept).thenApply(more -> swept + more));
    }

    void close() {
        closer.run();
    }
}

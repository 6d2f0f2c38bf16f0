package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.adapter.memory.InMemoryAuthorizationCodeStore;
import dev.whosthat.oauth.adapter.memory.InMemoryClientRepository;
import dev.whosthat.oauth.adapter.memory.InMemoryConsentStore;
import dev.whosthat.oauth.adapter.memory.InMemorySessionStore;
import dev.whosthat.oauth.adapter.memory.InMemoryTokenStore;
import dev.whosthat.oauth.adapter.memory.InMemoryUserRepository;
import dev.whosthat.oauth.bootstrap.config.ConfigException;
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

    static StorageAdapters of(StorageSettings settings, Vertx vertx, Clock clock) {
        return switch (settings.kind()) {
            case MEMORY -> new StorageAdapters(new InMemoryClientRepository(), new InMemoryUserRepository(),
                    new InMemoryTokenStore(clock), new InMemoryAuthorizationCodeStore(), new InMemorySessionStore(),
                    new InMemoryConsentStore(), () -> { });
            case POSTGRES -> throw new ConfigException(
                    "storage kind \"postgres\" is not available in this version yet; use \"memory\"");
        };
    }

    /** Deletes up to {@code batch} expired entries of each kind; returns how many in all. */
    CompletionStage<Integer> sweepExpired(Instant now, int batch) {
        return tokens.sweepExpired(now, batch)
                .thenCombine(codes.sweepExpired(now, batch), Integer::sum)
                .thenCombine(sessions.sweepExpired(now, batch), Integer::sum);
    }

    void close() {
        closer.run();
    }
}

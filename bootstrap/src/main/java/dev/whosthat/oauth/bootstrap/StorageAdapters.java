package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.adapter.memory.InMemoryClientRepository;
import dev.whosthat.oauth.adapter.memory.InMemoryTokenStore;
import dev.whosthat.oauth.adapter.memory.InMemoryUserRepository;
import dev.whosthat.oauth.bootstrap.config.ConfigException;
import dev.whosthat.oauth.bootstrap.config.StorageSettings;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.port.UserRepository;
import java.time.Clock;

/** The storage ports of one kind, chosen by configuration. */
record StorageAdapters(ClientRepository clients, UserRepository users, TokenStore tokens) {

    static StorageAdapters of(StorageSettings settings, Clock clock) {
        return switch (settings.kind()) {
            case MEMORY -> new StorageAdapters(new InMemoryClientRepository(), new InMemoryUserRepository(),
                    new InMemoryTokenStore(clock));
            case POSTGRES -> throw new ConfigException(
                    "config: storage kind \"postgres\" is not available in this version yet; use \"memory\"");
        };
    }
}

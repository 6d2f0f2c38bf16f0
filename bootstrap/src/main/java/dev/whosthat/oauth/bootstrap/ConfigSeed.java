package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.application.client.ClientRegistration;
import dev.whosthat.oauth.bootstrap.config.ConfigException;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.bootstrap.config.UserSeed;
import dev.whosthat.oauth.domain.error.Outcome;

/** Puts the clients and users of the configuration into storage at start-up. */
final class ConfigSeed {

    private ConfigSeed() {
    }

    /** Runs on the starting thread, never on an event loop, so it may wait. */
    static void apply(OAuthUseCases useCases, ServerConfig config) {
        for (ClientRegistration client : config.clients()) {
            var outcome = useCases.registerClient().handle(client).toCompletableFuture().join();
            if (outcome instanceof Outcome.Rejected<?>) {
                throw new ConfigException("client \"" + client.id() + "\" is registered twice");
            }
        }
        for (UserSeed user : config.users()) {
            var outcome = useCases.registerUser().handle(user.username(), user.password()).toCompletableFuture().join();
            if (outcome instanceof Outcome.Rejected<?>) {
                throw new ConfigException("user \"" + user.username() + "\" is registered twice");
            }
        }
    }
}

package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.bootstrap.AdminStorage;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.bootstrap.config.StorageSettings;
import java.util.function.Function;

/**
 * How a command gets at the storage its configuration names, with the rule for memory storage: a
 * command that would change it refuses (exit 5) before doing anything, since the memory of a
 * running server cannot be reached from this process and this one forgets everything on exit. A
 * command that only reads sees what a server started with the same configuration would hold at
 * start (the configured clients and users), and is told so on standard error.
 */
final class StorageAccess {

    private StorageAccess() {
    }

    /** Refuses memory storage for a command that would change it; call before asking for any input. */
    static void requirePersistent(ServerConfig config, String what) {
        if (config.storage().kind() == StorageSettings.Kind.MEMORY) {
            throw new CommandFailure(ExitCodes.MEMORY_STORAGE, "storage is memory: " + what
                    + " would not persist, so nothing was done; name a postgres storage in the configuration"
                    + " (storage.kind and storage.uri, or OAUTH_STORAGE_KIND and OAUTH_STORAGE_URI)");
        }
    }

    static <T> T changing(CliContext ctx, ServerConfig config, String what, Function<AdminStorage, T> work) {
        requirePersistent(config, what);
        return with(config, work);
    }

    static <T> T reading(CliContext ctx, ServerConfig config, Function<AdminStorage, T> work) {
        if (config.storage().kind() == StorageSettings.Kind.MEMORY) {
            ctx.err().println("note: storage is memory: showing what the configuration lists;"
                    + " a running server's memory cannot be read from another process");
        }
        return with(config, work);
    }

    private static <T> T with(ServerConfig config, Function<AdminStorage, T> work) {
        try (AdminStorage storage = AdminStorage.open(config)) {
            return work.apply(storage);
        }
    }
}

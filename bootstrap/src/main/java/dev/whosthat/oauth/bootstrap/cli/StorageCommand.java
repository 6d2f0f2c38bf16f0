package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.application.admin.AdminOutcome;
import dev.whosthat.oauth.application.admin.AdminUseCases;
import dev.whosthat.oauth.bootstrap.AdminStorage;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.bootstrap.config.StorageSettings;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import picocli.CommandLine.Mixin;

/**
 * A command on the storage its configuration names ({@code --config FILE} and the {@code OAUTH_*}
 * variables), with the rule for memory storage: a command that would change it refuses (exit 5)
 * before doing or asking anything, since the memory of a running server cannot be reached from
 * this process, and this one forgets everything on exit. A command that only reads sees what a
 * server started with the same configuration would hold at start (the configured clients and
 * users), and is told so on standard error.
 */
abstract class StorageCommand implements Callable<Integer> {

    final CliContext ctx;

    @Mixin
    Options.Help help;
    @Mixin
    Options.Config config;

    StorageCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The configuration, refused (exit 5) if its storage is memory; call before asking for any input. */
    ServerConfig persistentConfiguration(String what) {
        ServerConfig loaded = config.load(ctx.env());
        if (loaded.storage().kind() == StorageSettings.Kind.MEMORY) {
            throw new CommandFailure(ExitCodes.MEMORY_STORAGE, "storage is memory: " + what
                    + " would not persist, so nothing was done; name a postgres storage in the configuration"
                    + " (storage.kind and storage.uri, or OAUTH_STORAGE_KIND and OAUTH_STORAGE_URI)");
        }
        return loaded;
    }

    /** Runs an admin use case; a refusal becomes a {@link CommandFailure} with its exit code. */
    <T> T admin(String what, Function<AdminUseCases, CompletionStage<AdminOutcome<T>>> action) {
        return admin(persistentConfiguration(what), action);
    }

    <T> T admin(ServerConfig persistent, Function<AdminUseCases, CompletionStage<AdminOutcome<T>>> action) {
        return with(persistent, storage -> CommandFailure.unlessDone(
                Await.result(action.apply(AdminUseCases.wire(storage.ports())))));
    }

    /** Reads from the storage, whatever its kind. */
    <T> T read(Function<OAuthUseCases.Ports, CompletionStage<T>> query) {
        ServerConfig loaded = config.load(ctx.env());
        if (loaded.storage().kind() == StorageSettings.Kind.MEMORY) {
            ctx.err().println("note: storage is memory: showing what the configuration lists;"
                    + " a running server's memory cannot be read from another process");
        }
        return with(loaded, storage -> Await.result(query.apply(storage.ports())));
    }

    /** A list on standard output: one JSON array, or one line per item. */
    <T> int printAll(List<T> items, Options.Json json, Function<List<T>, String> asJson, Function<T, String> asLine) {
        if (json.requested) {
            ctx.out().println(asJson.apply(items));
        } else {
            items.forEach(item -> ctx.out().println(asLine.apply(item)));
        }
        return ExitCodes.OK;
    }

    static <T> T with(ServerConfig config, Function<AdminStorage, T> work) {
        try (AdminStorage storage = AdminStorage.open(config)) {
            return work.apply(storage);
        }
    }
}

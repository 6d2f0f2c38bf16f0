package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.adapter.postgres.PgStorage;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/**
 * {@code migrate}: brings a PostgreSQL schema up to date without starting a server, for deployments
 * that migrate before they roll out (a starting server migrates too, so this is never required).
 */
@Command(name = "migrate", description = {"Applies the pending schema migrations to the configured PostgreSQL database"
        + " and reports the schema version before and after. Memory storage has no schema: refused."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:up to date (migrated or already)", "1:database unreachable or a migration failed",
            "2:usage error or bad configuration", "5:refused: memory storage"})
final class MigrateCommand extends StorageCommand {

    MigrateCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    public Integer call() {
        PgStorage.Schema schema = with(persistentConfiguration("migrating"), storage -> storage.schema().orElseThrow());
        ctx.out().println(report(schema));
        if (schema.after() > schema.latestKnown()) {
            ctx.err().println("note: the schema is at version " + schema.after() + ", newer than this build knows ("
                    + schema.latestKnown() + "): a newer release migrated it");
        }
        return ExitCodes.OK;
    }

    /** {@code schema version 0 -> 3 (applied 1, 2, 3)}, or {@code schema version 3 -> 3 (up to date)}. */
    static String report(PgStorage.Schema schema) {
        String what = schema.applied().isEmpty()
                ? "up to date"
                : "applied " + schema.applied().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return "schema version " + schema.before() + " -> " + schema.after() + " (" + what + ")";
    }
}

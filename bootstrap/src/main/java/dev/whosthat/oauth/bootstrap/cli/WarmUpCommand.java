package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.bootstrap.WarmUp;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code warm-up}: see {@link WarmUp}. */
@Command(name = "warm-up", description = {"Starts the server in memory on a free loopback port, sends it one request"
        + " of every kind, checks the answers and stops. Touches no storage and no configured port.",
    "Run it under -XX:ArchiveClassesAtExit=FILE to make a class-data archive that halves start-up"
            + " (then start with -XX:SharedArchiveFile=FILE; see README, Performance)."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:every answer was as expected", "1:an answer was not, or the server did not start",
            "2:usage error or bad configuration"})
final class WarmUpCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    Options.Help help;
    @Mixin
    Options.Config config;

    WarmUpCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        int answered = WarmUp.run(config.load(ctx.env()));
        ctx.out().println("warm-up: " + answered + " requests answered as expected");
        return ExitCodes.OK;
    }
}

package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.bootstrap.cli.Cli;
import dev.whosthat.oauth.bootstrap.cli.CliContext;

/**
 * {@code java -jar oauth-server.jar [COMMAND] [OPTIONS]}: serves without a command (see
 * {@link Cli} for the commands and their exit codes).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CliContext ctx = CliContext.forProcess();
        int exitCode = Cli.run(ctx, args);
        // A server runs on in its own (non-daemon) threads until SIGTERM; every other command is done.
        if (!ctx.serving() || exitCode != 0) {
            ctx.out().flush();
            ctx.err().flush();
            System.exit(exitCode);
        }
    }
}

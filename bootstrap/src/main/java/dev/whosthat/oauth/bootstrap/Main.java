package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.bootstrap.cli.Cli;
import dev.whosthat.oauth.bootstrap.cli.CliContext;

/**
 * {@code java -jar oauth-server.jar [COMMAND] [OPTIONS]}: serves without a command (see
 * {@link Cli} for the commands and their exit codes).
 */
public final class Main {

    private static final String NETTY_JFR = "io.netty.jfr.enabled";

    private Main() {
    }

    public static void main(String[] args) {
        // Netty 4.2 announces its buffer allocations as Flight Recorder events whenever the JDK has a
        // recorder: setting that up costs about 0.25 s of a one-CPU start, and the events serve Netty's
        // own debugging. -Dio.netty.jfr.enabled=true still turns them on.
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
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

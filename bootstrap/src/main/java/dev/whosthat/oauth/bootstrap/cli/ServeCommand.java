package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.bootstrap.ConsoleLogging;
import dev.whosthat.oauth.bootstrap.DemoSeed;
import dev.whosthat.oauth.bootstrap.OAuthServer;
import dev.whosthat.oauth.bootstrap.config.EffectiveConfig;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code serve}, also what runs when no command is given. */
@Command(name = "serve", description = {"Runs the authorization server until it is stopped (the default command).",
    "Without --config: a demo server in memory on 127.0.0.1:8080 with a demo client and user, printed at start."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:stopped normally, or --print-config/--help printed", "1:start-up failed (storage unreachable, port taken)",
            "2:usage error or bad configuration"})
final class ServeCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    /** The options of {@code serve}, which the top-level command takes too, so that {@code --config FILE} alone serves. */
    static final class ServeOptions {
        @Mixin
        Options.Config config;

        @Option(names = "--print-config", description = "Print the effective configuration (file, environment, defaults)"
                + " as JSON with every secret masked, and exit without starting.")
        boolean printConfig;
    }

    private final CliContext ctx;

    @Mixin
    Options.Help help;
    @Mixin
    ServeOptions options;

    ServeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        return serve(ctx, options);
    }

    static int serve(CliContext ctx, ServeOptions options) throws Exception {
        ServerConfig config = options.config.load(ctx.env());
        if (options.printConfig) {
            ctx.out().println(EffectiveConfig.toJson(config));
            return ExitCodes.OK;
        }
        if (!ConsoleLogging.use(config.operations().logFormat())) {
            LOG.info("logging is configured by logback.configurationFile: logging.format is not applied");
        }
        DemoSeed demo = config.demo() ? DemoSeed.random() : null;
        OAuthServer server = OAuthServer.start(demo == null ? config : demo.addTo(config));
        LOG.info("whosThat OAuth server listening on {}:{} as issuer {} (storage: {})",
                config.host(), server.port(), server.issuer(), config.storage().kind().wire());
        if (demo != null) {
            ctx.out().println(demo.banner(server.issuer()));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndHalt(server), "shutdown"));
        ctx.startedServing();
        return ExitCodes.OK;
    }

    /**
     * On SIGTERM (or SIGINT): a graceful shutdown, then exit status 0 if it was clean, 1 if not. A
     * JVM that a signal ends exits with 128 + the signal (143) whatever its hooks did, which a
     * supervisor (systemd, Kubernetes, a CI script) reads as a failure: halting from the hook is the
     * one way to report the orderly stop that it asked for. Nothing else is left to run by then:
     * the server was the last thing the JVM kept alive for.
     */
    private static void stopAndHalt(OAuthServer server) {
        int status = 0;
        try {
            server.shutdown();
        } catch (Exception e) {
            LOG.warn("shutdown was not clean: {}", e.toString());
            status = 1;
        }
        ConsoleLogging.flush();
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}

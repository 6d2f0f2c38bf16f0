package dev.whosthat.oauth.bootstrap.cli;

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
        DemoSeed demo = config.demo() ? DemoSeed.random() : null;
        OAuthServer server = OAuthServer.start(demo == null ? config : demo.addTo(config));
        LOG.info("whosThat OAuth server listening on {}:{} as issuer {} (storage: {})",
                config.host(), server.port(), server.issuer(), config.storage().kind().wire());
        if (demo != null) {
            ctx.out().println(demo.banner(server.issuer()));
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(server), "shutdown"));
        ctx.startedServing();
        return ExitCodes.OK;
    }

    private static void closeQuietly(OAuthServer server) {
        try {
            server.close();
        } catch (Exception e) {
            LOG.warn("shutdown was not clean: {}", e.toString());
        }
    }
}

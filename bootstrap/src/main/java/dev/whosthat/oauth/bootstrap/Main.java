package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.bootstrap.config.ConfigException;
import dev.whosthat.oauth.bootstrap.config.ConfigLoader;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code java -jar oauth-server.jar [--config FILE]} */
public final class Main {

    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final String USAGE = """
            usage: java -jar oauth-server.jar [--config FILE]

              --config FILE   JSON configuration (see README); without it, a demo server in memory
              --help          this text

            Environment variables OAUTH_* override the configuration (see README).""";

    private Main() {
    }

    public static void main(String[] args) {
        Optional<Path> configFile;
        try {
            configFile = configFile(args);
        } catch (IllegalArgumentException usage) {
            System.err.println("error: " + usage.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (configFile == null) {
            System.out.println(USAGE);
            return;
        }
        try {
            ServerConfig config = ConfigLoader.load(configFile, System.getenv());
            if (!ConsoleLogging.use(config.operations().logFormat())) {
                LOG.info("logging is configured by logback.configurationFile: logging.format is not applied");
            }
            DemoSeed demo = config.demo() ? DemoSeed.random() : null;
            OAuthServer server = OAuthServer.start(demo == null ? config : demo.addTo(config));
            LOG.info("whosThat OAuth server listening on {}:{} as issuer {} (storage: {})",
                    config.host(), server.port(), server.issuer(), config.storage().kind().name().toLowerCase());
            if (demo != null) {
                System.out.println(demo.banner(server.issuer()));
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAndHalt(server), "shutdown"));
        } catch (ConfigException bad) {
            System.err.println("error: " + bad.getMessage());
            System.exit(2);
        } catch (Exception failed) {
            LOG.error("start-up failed: {}", rootMessage(failed));
            LOG.debug("start-up failure", failed);
            System.exit(1);
        }
    }

    /** The config file, empty for none, or {@code null} when help was asked for. */
    static Optional<Path> configFile(String[] args) {
        Optional<Path> file = Optional.empty();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--config" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--config needs a file");
                    }
                    file = Optional.of(Path.of(args[++i]));
                }
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        return file;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
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
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }
}

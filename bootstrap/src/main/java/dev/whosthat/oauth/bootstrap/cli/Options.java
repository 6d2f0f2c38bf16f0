package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.bootstrap.config.ConfigLoader;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options that several commands share, as picocli mixins. */
final class Options {

    private Options() {
    }

    /** {@code -h, --help} on every command. */
    static final class Help {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
        boolean requested;
    }

    /** {@code --config FILE}, read as {@code serve} reads it. */
    static final class Config {
        @Option(names = "--config", paramLabel = "FILE",
                description = "JSON configuration (see README); OAUTH_* environment variables override it. "
                        + "Without it: memory storage and every default.")
        Path file;

        /** @throws dev.whosthat.oauth.bootstrap.config.ConfigException when the file or a variable is wrong */
        ServerConfig load(Map<String, String> env) {
            return ConfigLoader.load(Optional.ofNullable(file), env);
        }
    }

    /** {@code --json} on the commands that print data. */
    static final class Json {
        @Option(names = "--json", description = "Print JSON instead of tab-separated lines.")
        boolean requested;
    }
}

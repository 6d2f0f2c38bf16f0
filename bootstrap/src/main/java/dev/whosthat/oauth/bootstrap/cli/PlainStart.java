package dev.whosthat.oauth.bootstrap.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises the one command line a server is started with in production, {@code [serve]
 * [--config FILE]}, without building the command tree. picocli's classes are compiled for Java 5:
 * the JVM verifies them the slow way and cannot put them in a class-data archive, which costs
 * about 0.4 s of a one-CPU start. Every other command line, {@code --help} and
 * {@code --print-config} included, goes to picocli, which stays the reference for its meaning.
 */
final class PlainStart {

    private static final String CONFIG = "--config";

    private PlainStart() {
    }

    /** The serve options of a plain start, or empty when picocli must read the arguments. */
    static Optional<ServeCommand.ServeOptions> recognise(String... args) {
        int first = args.length > 0 && args[0].equals("serve") ? 1 : 0;
        int left = args.length - first;
        if (left == 0) {
            return Optional.of(options(null));
        }
        if (left == 1 && args[first].startsWith(CONFIG + "=")) {
            return file(args[first].substring(CONFIG.length() + 1)).map(PlainStart::options);
        }
        if (left == 2 && args[first].equals(CONFIG)) {
            return file(args[first + 1]).map(PlainStart::options);
        }
        return Optional.empty();
    }

    /** A value that is empty, looks like an option or is no path is picocli's to explain. */
    private static Optional<Path> file(String value) {
        if (value.isEmpty() || value.startsWith("-")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value));
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    private static ServeCommand.ServeOptions options(Path file) {
        ServeCommand.ServeOptions options = new ServeCommand.ServeOptions();
        options.config = new Options.Config();
        options.config.file = file;
        return options;
    }
}

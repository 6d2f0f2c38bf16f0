package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.bootstrap.ConsoleLogging;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What a command sees of its process: its output streams, where passwords come from, the
 * environment (for the {@code OAUTH_*} overrides). Tests pass their own.
 */
public final class CliContext {

    private final PrintWriter out;
    private final PrintWriter err;
    private final PasswordInput passwords;
    private final Map<String, String> env;
    private final Runnable quietLogging;
    private boolean serving;

    /**
     * @param quietLogging run before any command but {@code serve}: keeps log lines off standard
     *     output, which is for scripts
     */
    public CliContext(PrintWriter out, PrintWriter err, PasswordInput passwords, Map<String, String> env,
                      Runnable quietLogging) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.env = Map.copyOf(env);
        this.quietLogging = Objects.requireNonNull(quietLogging, "quietLogging");
    }

    /** The real process: standard streams, the terminal or standard input, {@link System#getenv()}. */
    public static CliContext forProcess() {
        return new CliContext(new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8), PasswordInput.forProcess(System.in),
                System.getenv(), ConsoleLogging::quietOnStandardError);
    }

    public PrintWriter out() {
        return out;
    }

    public PrintWriter err() {
        return err;
    }

    PasswordInput passwords() {
        return passwords;
    }

    Map<String, String> env() {
        return env;
    }

    void quietLogging() {
        quietLogging.run();
    }

    /** Whether {@code serve} started a server that now runs on its own threads: the process must not exit. */
    public boolean serving() {
        return serving;
    }

    void startedServing() {
        serving = true;
    }
}

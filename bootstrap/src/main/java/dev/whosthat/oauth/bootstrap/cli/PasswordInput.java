package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.domain.user.Password;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Where a command reads a password from: never the command line, where it would be seen in the
 * process list and kept in the shell's history.
 */
@FunctionalInterface
public interface PasswordInput {

    /** @param prompt what is asked, for a terminal */
    Password read(String prompt);

    /**
     * The terminal when there is one (asked twice, without echo), else standard input; see
     * {@link #fromStream}.
     */
    static PasswordInput forProcess(InputStream stdin) {
        Console console = System.console();
        return console != null && isTerminal(console) ? fromConsole(console) : fromStream(stdin);
    }

    /** Asks twice without echo; different answers are a usage error. */
    static PasswordInput fromConsole(Console console) {
        return prompt -> {
            char[] first = console.readPassword("%s: ", prompt);
            char[] again = console.readPassword("%s (again): ", prompt);
            try {
                if (first == null || again == null || first.length == 0) {
                    throw new CommandFailure(ExitCodes.USAGE, "no password given");
                }
                if (!Arrays.equals(first, again)) {
                    throw new CommandFailure(ExitCodes.USAGE, "the two passwords differ");
                }
                return password(new String(first));
            } finally {
                Arrays.fill(first == null ? new char[0] : first, '\0');
                Arrays.fill(again == null ? new char[0] : again, '\0');
            }
        };
    }

    /**
     * The first line of the stream (UTF-8, without its line ending), so that {@code printf '%s\n'
     * "$PW" | ...} and a file both work; the rest is ignored.
     */
    static PasswordInput fromStream(InputStream in) {
        return prompt -> {
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new CommandFailure(ExitCodes.USAGE,
                            "no password: standard input is not a terminal, so the first line of standard input is the password, and it is empty");
                }
                return password(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private static Password password(String value) {
        try {
            return new Password(value);
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(ExitCodes.USAGE, e.getMessage());
        }
    }

    /**
     * From Java 22 {@link System#console()} exists even when input is redirected; its
     * {@code isTerminal()} (absent before 22, so looked up) tells a real terminal.
     */
    private static boolean isTerminal(Console console) {
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException beforeJava22) {
            return true;
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}

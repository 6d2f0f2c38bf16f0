package dev.whosthat.oauth.bootstrap.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one command in-process, as {@code java -jar oauth-server.jar} would, with captured output,
 * a given standard input (where passwords come from without a terminal) and a given environment.
 */
final class CliRun {

    /** What the command did: its exit code and everything it printed. */
    record Result(int exitCode, String out, String err) {

        List<String> outLines() {
            return out.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    private final Map<String, String> env = new HashMap<>();
    private String stdin = "";

    static CliRun command() {
        return new CliRun();
    }

    CliRun env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliRun stdin(String text) {
        stdin = text;
        return this;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true),
                PasswordInput.fromStream(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))), env, () -> { });
        int exitCode = Cli.run(ctx, args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}

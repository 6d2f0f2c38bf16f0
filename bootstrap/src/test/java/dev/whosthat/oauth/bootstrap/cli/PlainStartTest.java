package dev.whosthat.oauth.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.bootstrap.cli.CliRun.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The start-up command line that bypasses picocli means what picocli would make of it, and nothing more. */
class PlainStartTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"--config server.json", "--config=server.json", "serve --config server.json",
        "serve --config=server.json"})
    void aStartWithAConfigFileIsRecognised(String line) {
        assertThat(PlainStart.recognise(line.split(" ")))
                .hasValueSatisfying(options -> {
                    assertThat(options.config.file).isEqualTo(Path.of("server.json"));
                    assertThat(options.printConfig).isFalse();
                });
    }

    @Test
    void aStartWithoutArgumentsIsTheDemoServer() {
        assertThat(PlainStart.recognise()).hasValueSatisfying(options -> assertThat(options.config.file).isNull());
        assertThat(PlainStart.recognise("serve")).hasValueSatisfying(options -> assertThat(options.config.file).isNull());
    }

    @ParameterizedTest
    @ValueSource(strings = {"--help", "serve --help", "--config", "--config=", "--config --help", "--print-config",
        "--config server.json --print-config", "--config a.json --config b.json", "serve serve", "clients list",
        "--config server.json extra", "-h", "--config -h"})
    void everythingElseIsLeftToPicocli(String line) {
        assertThat(PlainStart.recognise(line.split(" "))).isEmpty();
    }

    @Test
    void aBadConfigurationOnThePlainPathFailsAsThroughPicocli() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"clients\": [{\"client_id\": \"c1\", \"secret\": \"x\"}]}");

        Result plain = CliRun.command().run("--config", bad.toString());
        Result parsed = CliRun.command().run("serve", "--print-config", "--config", bad.toString());

        assertThat(plain.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(plain.err()).isEqualTo(parsed.err()).startsWith("error: config: unknown key \"clients[0].secret\"");
        assertThat(plain.out()).isEmpty();
    }

    @Test
    void aMissingConfigFileOnThePlainPathIsAUsageError() {
        Result result = CliRun.command().run("serve", "--config=" + dir.resolve("absent.json"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err().lines()).singleElement().asString().startsWith("error: config: file ").endsWith("does not exist");
    }
}

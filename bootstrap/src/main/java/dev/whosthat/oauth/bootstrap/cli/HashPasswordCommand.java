package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.domain.user.Password;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code hash-password}: an Argon2id hash at the configured cost, for tooling outside the server. */
@Command(name = "hash-password", description = {"Prints the Argon2id hash (PHC string) of a password, at the cost of"
        + " password_hashing in the configuration (the OWASP minimum without one). Touches no storage.",
    "The password is asked twice without echo from a terminal; otherwise it is the first line of standard input."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "2:usage error, bad configuration or no password"})
final class HashPasswordCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    Options.Help help;
    @Mixin
    Options.Config config;

    HashPasswordCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Argon2idPasswordHasher.Cost cost = config.load(ctx.env()).passwordHashing();
        Password password = ctx.passwords().read("password");
        ExecutorService hashing = Executors.newSingleThreadExecutor();
        try {
            ctx.out().println(Await.result(new Argon2idPasswordHasher(cost, hashing).hash(password)).encoded());
        } finally {
            hashing.shutdownNow();
        }
        return ExitCodes.OK;
    }
}

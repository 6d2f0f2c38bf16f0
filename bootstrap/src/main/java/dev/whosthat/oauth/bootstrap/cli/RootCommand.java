package dev.whosthat.oauth.bootstrap.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code oauth-server [serve options] | <command>}: without a command, serves. */
@Command(name = "oauth-server", synopsisSubcommandLabel = "[COMMAND]",
        description = {"whosThat, an OAuth 2.0 authorization server, and its admin commands.",
            "Without a command it serves (see 'serve --help'). Every command takes --config FILE; OAUTH_* environment"
                    + " variables override the file, as for the server. Commands that change storage refuse memory storage."},
        footer = {"", "Run 'java -jar oauth-server.jar COMMAND --help' for the options of a command."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success",
            "1:storage unreachable or failed, or an unexpected fault",
            "2:usage error, bad configuration, or a request the rules refuse",
            "3:no such client or user",
            "4:client id or username already exists",
            "5:refused: memory storage, nothing would persist"})
final class RootCommand implements Callable<Integer> {

    private final CliContext ctx;

    @Mixin
    Options.Help help;
    @Mixin
    ServeCommand.ServeOptions serve;

    RootCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        return ServeCommand.serve(ctx, serve);
    }
}

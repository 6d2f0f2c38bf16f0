package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.Username;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code users create|list|delete|set-password}. */
@Command(name = "users", description = "Manage resource owner accounts in the configured storage.",
        synopsisSubcommandLabel = "(create | list | delete | set-password)",
        footer = {"", "Passwords are never taken from the command line: from a terminal they are asked twice without"
                + " echo; otherwise the first line of standard input is the password."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "1:storage unreachable or failed", "2:usage error or bad configuration",
            "3:no such user", "4:username already exists", "5:refused: memory storage"})
final class UsersCommand implements Callable<Integer> {

    private static final String PASSWORD_INPUT = "The password is asked twice without echo from a terminal;"
            + " otherwise it is the first line of standard input. Never an argument.";

    @Spec
    CommandSpec spec;

    @Mixin
    Options.Help help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is missing: create, list, delete or set-password");
    }

    @Command(name = "create", description = {"Creates an account; the password is hashed with Argon2id at the configured cost.",
        PASSWORD_INPUT},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:created", "1:storage unreachable or failed", "2:usage error, bad configuration or no password",
                "4:username already exists", "5:refused: memory storage"})
    static final class Create extends StorageCommand {

        @Parameters(index = "0", paramLabel = "USERNAME")
        Username username;

        Create(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ServerConfig persistent = persistentConfiguration("creating a user");
            Password password = ctx.passwords().read("password for " + username);
            UserAccount created = admin(persistent, admin -> admin.createUser().handle(username, password));
            ctx.out().println("created user " + created.username() + " with subject " + created.id());
            return ExitCodes.OK;
        }
    }

    @Command(name = "list", description = "Lists every account, one per line: username<TAB>subject. Never a password hash.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:success", "1:storage unreachable or failed", "2:usage error or bad configuration"})
    static final class ListUsers extends StorageCommand {

        @Mixin
        Options.Json json;

        ListUsers(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            List<UserAccount> users = read(ports -> ports.users().list());
            return printAll(users, json, Printed::jsonUsers, Printed::line);
        }
    }

    @Command(name = "delete", description = {"Deletes an account. Its tokens are revoked at once (they no longer validate"
            + " or introspect as active), its authorization codes deleted, its sign-in sessions ended, its consents"
            + " forgotten. The username is free again."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:deleted", "1:storage unreachable or failed", "2:usage error or bad configuration", "3:no such user",
                "5:refused: memory storage"})
    static final class Delete extends StorageCommand {

        @Parameters(index = "0", paramLabel = "USERNAME")
        Username username;

        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            admin("deleting a user", admin -> admin.deleteUser().handle(username));
            ctx.out().println("deleted user " + username);
            return ExitCodes.OK;
        }
    }

    @Command(name = "set-password", description = {"Replaces a user's password and ends every sign-in session of the"
            + " user. Tokens already issued stay valid.", PASSWORD_INPUT},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:replaced", "1:storage unreachable or failed", "2:usage error, bad configuration or no password",
                "3:no such user", "5:refused: memory storage"})
    static final class SetPassword extends StorageCommand {

        @Parameters(index = "0", paramLabel = "USERNAME")
        Username username;

        SetPassword(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ServerConfig persistent = persistentConfiguration("setting a password");
            Password password = ctx.passwords().read("new password for " + username);
            admin(persistent, admin -> admin.setUserPassword().handle(username, password));
            ctx.out().println("replaced the password of user " + username + "; its sign-in sessions are ended");
            return ExitCodes.OK;
        }
    }
}

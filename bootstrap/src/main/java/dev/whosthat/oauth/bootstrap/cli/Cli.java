package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.bootstrap.config.ConfigException;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.StorageUnavailableException;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.user.Username;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line of {@code oauth-server.jar}: builds the command tree, runs one command, and
 * turns every failure into one line on standard error and an exit code of {@link ExitCodes}.
 */
public final class Cli {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private Cli() {
    }

    /** Runs the command the arguments name; returns its exit code. */
    public static int run(CliContext ctx, String... args) {
        Optional<ServeCommand.ServeOptions> plainStart = PlainStart.recognise(args);
        if (plainStart.isPresent()) {
            try {
                return ServeCommand.serve(ctx, plainStart.get());
            } catch (Exception failure) {
                return failed(ctx, failure);
            }
        }
        return commandLine(ctx).execute(args);
    }

    static CommandLine commandLine(CliContext ctx) {
        CommandLine root = new CommandLine(new RootCommand(ctx))
                .addSubcommand(new ServeCommand(ctx))
                .addSubcommand(new CommandLine(new ClientsCommand())
                        .addSubcommand(new ClientsCommand.Create(ctx))
                        .addSubcommand(new ClientsCommand.ListClients(ctx))
                        .addSubcommand(new ClientsCommand.Show(ctx))
                        .addSubcommand(new ClientsCommand.Delete(ctx))
                        .addSubcommand(new ClientsCommand.RotateSecret(ctx)))
                .addSubcommand(new CommandLine(new UsersCommand())
                        .addSubcommand(new UsersCommand.Create(ctx))
                        .addSubcommand(new UsersCommand.ListUsers(ctx))
                        .addSubcommand(new UsersCommand.Delete(ctx))
                        .addSubcommand(new UsersCommand.SetPassword(ctx)))
                .addSubcommand(new MigrateCommand(ctx))
                .addSubcommand(new HashPasswordCommand(ctx))
                .addSubcommand(new WarmUpCommand(ctx));
        root.registerConverter(ClientId.class, checked(ClientId::new))
                .registerConverter(Username.class, checked(Username::new))
                .registerConverter(RedirectUri.class, checked(RedirectUri::new))
                .registerConverter(Scope.class, Cli::scope)
                .registerConverter(GrantType.class, wire(GrantType::fromWire, GrantType.values(), GrantType::wire))
                .registerConverter(ClientAuthMethod.class,
                        wire(ClientAuthMethod::fromWire, ClientAuthMethod.values(), ClientAuthMethod::wire));
        root.setOut(ctx.out()).setErr(ctx.err())
                .setParameterExceptionHandler((invalid, args) -> usageError(ctx, invalid))
                .setExecutionExceptionHandler((failure, command, parsed) -> failed(ctx, failure))
                .setExecutionStrategy(parsed -> {
                    CommandLine last = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
                    if (!(last.getCommand() instanceof RootCommand || last.getCommand() instanceof ServeCommand)) {
                        ctx.quietLogging();
                    }
                    return new CommandLine.RunLast().execute(parsed);
                });
        return root;
    }

    /** One line: what is wrong, and where the help is. */
    private static int usageError(CliContext ctx, ParameterException invalid) {
        String command = invalid.getCommandLine().getCommandSpec().qualifiedName();
        ctx.err().println("error: " + invalid.getMessage() + " (see '" + command + " --help')");
        return ExitCodes.USAGE;
    }

    private static int failed(CliContext ctx, Exception failure) {
        if (failure instanceof CommandFailure expected) {
            ctx.err().println("error: " + expected.getMessage());
            return expected.exitCode();
        }
        if (failure instanceof ConfigException bad) {
            ctx.err().println("error: " + bad.getMessage());
            return ExitCodes.USAGE;
        }
        LOG.debug("command failed", failure);
        Throwable root = rootOf(failure);
        String what = failure instanceof StorageUnavailableException || root instanceof StorageUnavailableException
                ? "storage: " : "";
        ctx.err().println("error: " + what + (root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage()));
        return ExitCodes.FAILURE;
    }

    private static Throwable rootOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** A value type whose constructor checks it: its message becomes picocli's "Invalid value ..." line. */
    private static <T> ITypeConverter<T> checked(Function<String, T> constructor) {
        return text -> {
            try {
                return constructor.apply(text);
            } catch (IllegalArgumentException invalid) {
                throw new TypeConversionException(invalid.getMessage());
            }
        };
    }

    private static <T> ITypeConverter<T> wire(Function<String, Optional<T>> parse, T[] known, Function<T, String> name) {
        return text -> parse.apply(text).orElseThrow(() -> new TypeConversionException(
                "unknown value '" + text + "' (known: " + Arrays.stream(known).map(name).collect(Collectors.joining(", ")) + ")"));
    }

    private static Scope scope(String text) {
        Outcome<Scope> parsed = Scope.parse(text);
        if (parsed instanceof Outcome.Ok<Scope> ok) {
            return ok.value();
        }
        throw new TypeConversionException("not a space-separated list of scope tokens (RFC 6749 §3.3)");
    }
}

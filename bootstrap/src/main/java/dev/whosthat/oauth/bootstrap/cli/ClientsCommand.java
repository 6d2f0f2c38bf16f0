package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.application.admin.CreatedClient;
import dev.whosthat.oauth.application.admin.NewClient;
import dev.whosthat.oauth.bootstrap.config.ClientEntries;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.scope.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code clients create|list|show|delete|rotate-secret}. */
@Command(name = "clients", description = "Manage registered clients in the configured storage.",
        synopsisSubcommandLabel = "(create | list | show | delete | rotate-secret)",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:success", "1:storage unreachable or failed", "2:usage error or bad configuration",
            "3:no such client", "4:client id already exists", "5:refused: memory storage"})
final class ClientsCommand implements Callable<Integer> {

    /** Who asked, for the audit trail: a command line has no network peer. */
    static final SourceAddress SOURCE = new SourceAddress("cli");

    @Spec
    CommandSpec spec;

    @Mixin
    Options.Help help;

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "a command is missing: create, list, show, delete or rotate-secret");
    }

    @Command(name = "create", description = {
        "Registers a client. A confidential client gets a generated secret (256 random bits), printed once on"
                + " standard output: only its SHA-256 digest is stored. A public client (--public) gets none."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:created", "1:storage unreachable or failed", "2:usage error or bad configuration",
                "4:client id already exists", "5:refused: memory storage"})
    static final class Create extends StorageCommand {

        @Mixin
        Options.Json json;

        @Parameters(index = "0", paramLabel = "CLIENT_ID", description = "The client_id: printable ASCII, unique.")
        ClientId id;

        @Option(names = "--name", paramLabel = "NAME", description = "client_name; default: the client id.")
        String name;

        @Option(names = "--auth-method", paramLabel = "METHOD",
                description = "token_endpoint_auth_method: client_secret_basic (default), client_secret_post, or none.")
        ClientAuthMethod authMethod;

        @Option(names = "--public", description = "A public client: the same as --auth-method none. No secret.")
        boolean isPublic;

        @Option(names = "--grant-type", paramLabel = "GRANT", split = ",",
                description = "A grant type, repeatable: authorization_code, client_credentials, password, refresh_token."
                        + " Default: client_credentials (confidential), authorization_code and refresh_token (public).")
        List<GrantType> grantTypes = new ArrayList<>();

        @Option(names = "--redirect-uri", paramLabel = "URI",
                description = "A redirect URI, repeatable: absolute, without fragment, compared exactly.")
        List<RedirectUri> redirectUris = new ArrayList<>();

        @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "",
                description = "What the client may ask for: space-separated scope tokens (RFC 6749 §3.3). Default: empty.")
        Scope scope;

        @Option(names = "--require-pkce", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "Whether authorization requests need PKCE (default). --no-require-pkce only for a"
                        + " confidential client that cannot do PKCE.")
        boolean requirePkce;

        Create(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            NewClient command = command();
            ServerConfig persistent = persistentConfiguration("creating a client");
            printCreated(admin(persistent, admin -> admin.createClient().handle(command)));
            return ExitCodes.OK;
        }

        private NewClient command() {
            ClientAuthMethod method = method();
            Set<GrantType> grants = grantTypes.isEmpty() ? ClientEntries.defaultGrantTypes(method) : Set.copyOf(grantTypes);
            try {
                return new NewClient(id, name == null ? id.value() : name, method, grants, redirectUris, scope, requirePkce);
            } catch (IllegalArgumentException broken) {
                throw new CommandFailure(ExitCodes.USAGE, broken.getMessage());
            }
        }

        private ClientAuthMethod method() {
            if (isPublic && authMethod != null && authMethod != ClientAuthMethod.NONE) {
                throw new CommandFailure(ExitCodes.USAGE, "--public contradicts --auth-method " + authMethod.wire());
            }
            return isPublic ? ClientAuthMethod.NONE : Optional.ofNullable(authMethod).orElse(ClientAuthMethod.CLIENT_SECRET_BASIC);
        }

        private void printCreated(CreatedClient created) {
            Optional<ClientSecret> secret = created.secret();
            if (json.requested) {
                ctx.out().println(Printed.json(created.client(), secret));
            } else {
                secret.ifPresent(s -> ctx.out().println(s.value()));
            }
            ctx.err().println(secret.isPresent()
                    ? "created client " + created.client().id() + "; its secret is shown this once: only its digest is stored"
                    : "created public client " + created.client().id() + " (no secret)");
        }
    }

    @Command(name = "list", description = {
        "Lists every client, one per line, tab-separated: client_id, token_endpoint_auth_method, grant_types"
                + " (comma-separated), scope, redirect_uris (space-separated), require_pkce, client_name; '-' for empty."
                + " Never a secret."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:success", "1:storage unreachable or failed", "2:usage error or bad configuration"})
    static final class ListClients extends StorageCommand {

        @Mixin
        Options.Json json;

        ListClients(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            List<RegisteredClient> clients = read(ports -> ports.clients().list());
            return printAll(clients, json, Printed::jsonClients, Printed::line);
        }
    }

    @Command(name = "show", description = "Shows one client, one 'key<TAB>value' line per field. Never its secret.",
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:success", "1:storage unreachable or failed", "2:usage error or bad configuration", "3:no such client"})
    static final class Show extends StorageCommand {

        @Mixin
        Options.Json json;

        @Parameters(index = "0", paramLabel = "CLIENT_ID")
        ClientId id;

        Show(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            RegisteredClient client = read(ports -> ports.clients().findById(id)).orElseThrow(() -> new CommandFailure(ExitCodes.NOT_FOUND, "no client " + id));
            ctx.out().println(json.requested ? Printed.json(client) : Printed.details(client));
            return ExitCodes.OK;
        }
    }

    @Command(name = "delete", description = {
        "Deletes a client. Its access and refresh tokens are revoked at once (they no longer validate or"
                + " introspect as active), its authorization codes deleted, the consents given to it forgotten."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:deleted", "1:storage unreachable or failed", "2:usage error or bad configuration",
                "3:no such client (anything left of it is revoked all the same)", "5:refused: memory storage"})
    static final class Delete extends StorageCommand {

        @Parameters(index = "0", paramLabel = "CLIENT_ID")
        ClientId id;

        Delete(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            admin("deleting a client", admin -> admin.deleteClient().handle(id));
            ctx.out().println("deleted client " + id);
            return ExitCodes.OK;
        }
    }

    @Command(name = "rotate-secret", description = {
        "Gives a confidential client a new generated secret, printed once on standard output; the old one stops"
                + " working at once. Tokens already issued stay valid. Recorded in the audit trail."},
            exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
                "0:rotated", "1:storage unreachable or failed",
                "2:usage error, bad configuration, or a public client (no secret)", "3:no such client",
                "5:refused: memory storage"})
    static final class RotateSecret extends StorageCommand {

        @Parameters(index = "0", paramLabel = "CLIENT_ID")
        ClientId id;

        RotateSecret(CliContext ctx) {
            super(ctx);
        }

        @Override
        public Integer call() {
            ClientSecret secret = admin("rotating a secret", admin -> admin.rotateClientSecret().handle(id, SOURCE));
            ctx.out().println(secret.value());
            ctx.err().println("rotated the secret of client " + id + "; the new one is shown this once, the old one no longer works");
            return ExitCodes.OK;
        }
    }
}

package dev.whosthat.oauth.bootstrap.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.user.UserAccount;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How clients and users are printed, for people and for scripts: tab-separated fields, {@code -}
 * for an empty one (so that {@code read} and {@code cut} keep the columns), or JSON with the
 * RFC 7591 names. Never a secret, nor its digest, but the one a command just generated.
 */
final class Printed {

    private static final JsonMapper JSON = new JsonMapper();
    private static final String EMPTY = "-";

    private Printed() {
    }

    /**
     * {@code client_id}, {@code token_endpoint_auth_method}, {@code grant_types} (comma-separated),
     * {@code scope} (space-separated), {@code redirect_uris} (space-separated), {@code require_pkce},
     * {@code client_name} (last: free text).
     */
    static String line(RegisteredClient client) {
        return String.join("\t", client.id().value(), client.authMethod().wire(), orEmpty(grantTypes(client, ",")),
                orEmpty(client.scope().wire()), orEmpty(redirectUris(client)), String.valueOf(client.requirePkce()),
                orEmpty(field(client.name())));
    }

    /** One {@code key<TAB>value} line per field, in the order of {@link #line(RegisteredClient)}. */
    static String details(RegisteredClient client) {
        return String.join("\n",
                "client_id\t" + client.id().value(),
                "client_name\t" + orEmpty(field(client.name())),
                "token_endpoint_auth_method\t" + client.authMethod().wire(),
                "grant_types\t" + orEmpty(grantTypes(client, " ")),
                "scope\t" + orEmpty(client.scope().wire()),
                "redirect_uris\t" + orEmpty(redirectUris(client)),
                "require_pkce\t" + client.requirePkce());
    }

    static String json(RegisteredClient client) {
        return write(object(client));
    }

    /** The client with its just generated secret: the one time a secret is printed. */
    static String json(RegisteredClient client, Optional<ClientSecret> secret) {
        ObjectNode node = object(client);
        secret.ifPresent(s -> node.put("client_secret", s.value()));
        return write(node);
    }

    static String jsonClients(List<RegisteredClient> clients) {
        ArrayNode array = JSON.createArrayNode();
        clients.forEach(client -> array.add(object(client)));
        return write(array);
    }

    /** {@code username}, {@code subject} (the stable id that tokens and introspection name). */
    static String line(UserAccount user) {
        return user.username().value() + "\t" + user.id().value();
    }

    static String jsonUsers(List<UserAccount> users) {
        ArrayNode array = JSON.createArrayNode();
        users.forEach(user -> array.addObject().put("username", user.username().value()).put("subject", user.id().value()));
        return write(array);
    }

    private static ObjectNode object(RegisteredClient client) {
        ObjectNode node = JSON.createObjectNode()
                .put("client_id", client.id().value())
                .put("client_name", client.name())
                .put("token_endpoint_auth_method", client.authMethod().wire());
        ArrayNode grants = node.putArray("grant_types");
        client.grantTypes().stream().map(GrantType::wire).sorted().forEach(grants::add);
        ArrayNode redirects = node.putArray("redirect_uris");
        client.redirectUris().forEach(uri -> redirects.add(uri.value()));
        return node.put("scope", client.scope().wire()).put("require_pkce", client.requirePkce());
    }

    private static String grantTypes(RegisteredClient client, String separator) {
        return client.grantTypes().stream().map(GrantType::wire).sorted().collect(Collectors.joining(separator));
    }

    private static String redirectUris(RegisteredClient client) {
        return client.redirectUris().stream().map(RedirectUri::value).collect(Collectors.joining(" "));
    }

    /** Free text on one line: a tab or line break inside would shift or split the columns. */
    private static String field(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static String orEmpty(String value) {
        return value.isEmpty() ? EMPTY : value;
    }

    private static String write(Object node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}

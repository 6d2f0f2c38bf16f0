package dev.whosthat.oauth.bootstrap.config;

import static dev.whosthat.oauth.bootstrap.config.ConfigException.quote;

import dev.whosthat.oauth.application.client.ClientRegistration;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.scope.Scope;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Maps the {@code clients} entries of the config file to registrations, by hand. */
public final class ClientEntries {

    /**
     * RFC 7591 §2 defaults {@code grant_types} to {@code authorization_code}. We default by client
     * type instead: a confidential client that names no grant is most often a service calling
     * another service ({@code client_credentials}, RFC 6749 §4.4); a public client cannot use that
     * grant, so it gets the browser flow with refresh ({@code authorization_code},
     * {@code refresh_token}), which needs its {@code redirect_uris}.
     */
    private static final Set<GrantType> CONFIDENTIAL_DEFAULT = EnumSet.of(GrantType.CLIENT_CREDENTIALS);
    private static final Set<GrantType> PUBLIC_DEFAULT = EnumSet.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);

    private static final String KNOWN_GRANTS = Arrays.stream(GrantType.values()).map(GrantType::wire).collect(Collectors.joining(", "));
    private static final String KNOWN_METHODS = Arrays.stream(ClientAuthMethod.values()).map(ClientAuthMethod::wire).collect(Collectors.joining(", "));

    private ClientEntries() {
    }

    /** The grant types of a client that names none: {@link #CONFIDENTIAL_DEFAULT} or {@link #PUBLIC_DEFAULT}. */
    public static Set<GrantType> defaultGrantTypes(ClientAuthMethod method) {
        return Set.copyOf(method.usesSecret() ? CONFIDENTIAL_DEFAULT : PUBLIC_DEFAULT);
    }

    static List<ClientRegistration> map(List<ConfigFile.ClientEntry> entries) {
        Set<ClientId> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ClientId id = id(entries.get(i), i);
            if (!seen.add(id)) {
                throw new ConfigException("client " + quote(id) + " is defined twice (clients[" + i + "])");
            }
        }
        return entries.stream().map(ClientEntries::registration).toList();
    }

    private static ClientId id(ConfigFile.ClientEntry entry, int index) {
        if (entry.clientId() == null) {
            throw new ConfigException("clients[" + index + "]: client_id is missing");
        }
        try {
            return new ClientId(entry.clientId());
        } catch (IllegalArgumentException e) {
            throw new ConfigException("clients[" + index + "]: " + e.getMessage());
        }
    }

    private static ClientRegistration registration(ConfigFile.ClientEntry entry) {
        ClientId id = new ClientId(entry.clientId());
        try {
            ClientAuthMethod method = authMethod(id, entry);
            Optional<String> secret = Optional.ofNullable(entry.clientSecret());
            if (method.usesSecret() && secret.isEmpty()) {
                throw invalid(id, "client_secret is missing (token_endpoint_auth_method " + method.wire() + " needs one)");
            }
            return new ClientRegistration(
                    id,
                    entry.clientName() == null ? id.value() : entry.clientName(),
                    method,
                    secret.map(ClientSecret::new),
                    grantTypes(id, entry, method),
                    entry.redirectUris() == null ? List.of() : entry.redirectUris().stream().map(RedirectUri::new).toList(),
                    scope(id, entry),
                    // RFC 9700 §2.1.1: PKCE for everyone unless a confidential legacy client opts out.
                    entry.requirePkce() == null || entry.requirePkce());
        } catch (IllegalArgumentException e) {
            // The domain's own words: secret too short, public client with a secret or with
            // client_credentials, authorization_code without redirect_uris, relative redirect URI...
            throw invalid(id, e.getMessage());
        }
    }

    private static ConfigException invalid(ClientId id, String problem) {
        return new ConfigException("client " + quote(id) + ": " + problem);
    }

    /** RFC 7591 §2: client_secret_basic when absent. */
    private static ClientAuthMethod authMethod(ClientId id, ConfigFile.ClientEntry entry) {
        if (entry.tokenEndpointAuthMethod() == null) {
            return ClientAuthMethod.CLIENT_SECRET_BASIC;
        }
        return ClientAuthMethod.fromWire(entry.tokenEndpointAuthMethod()).orElseThrow(() -> invalid(id,
                "unknown token_endpoint_auth_method " + quote(entry.tokenEndpointAuthMethod()) + " (known: " + KNOWN_METHODS + ")"));
    }

    private static Set<GrantType> grantTypes(ClientId id, ConfigFile.ClientEntry entry, ClientAuthMethod method) {
        if (entry.grantTypes() == null) {
            return defaultGrantTypes(method);
        }
        if (entry.grantTypes().isEmpty()) {
            throw invalid(id, "grant_types is empty (leave it out for the default, or list at least one)");
        }
        Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
        for (String wire : entry.grantTypes()) {
            grants.add(GrantType.fromWire(wire).orElseThrow(() -> invalid(id,
                    "unknown grant type " + quote(wire) + " (known: " + KNOWN_GRANTS + ")")));
        }
        return grants;
    }

    /** RFC 6749 §3.3: the scope the client may ask for; none when absent. */
    private static Scope scope(ClientId id, ConfigFile.ClientEntry entry) {
        if (entry.scope() == null) {
            return Scope.EMPTY;
        }
        var parsed = Scope.parse(entry.scope());
        if (!parsed.isOk()) {
            throw invalid(id, "scope " + quote(entry.scope())
                    + " is malformed (scope tokens separated by single spaces, RFC 6749 §3.3)");
        }
        return parsed.orElseThrow();
    }
}

package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.token.SecretDigest;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** {@link RegisteredClient} to and from a {@code clients} row. Methods and grant types are stored by their RFC names. */
final class ClientRows {

    private ClientRows() {
    }

    static Tuple parameters(RegisteredClient client) {
        return Tuple.of(
                client.id().value(),
                client.name(),
                client.authMethod().wire(),
                client.secretDigest().map(Columns::digest).orElse(null),
                client.grantTypes().stream().map(GrantType::wire).sorted().toArray(String[]::new),
                client.redirectUris().stream().map(RedirectUri::value).toArray(String[]::new),
                Columns.scope(client.scope()),
                client.requirePkce());
    }

    static RegisteredClient client(Row row) {
        ClientId id = new ClientId(row.getString("client_id"));
        Buffer secret = row.getBuffer("secret_digest");
        return new RegisteredClient(
                id,
                row.getString("name"),
                ClientAuthMethod.fromWire(row.getString("auth_method"))
                        .orElseThrow(() -> new IllegalStateException("client " + id + " has an unknown auth method")),
                Optional.ofNullable(secret).map(b -> SecretDigest.fromBytes(b.getBytes())),
                grantTypes(id, row.getArrayOfStrings("grant_types")),
                Arrays.stream(row.getArrayOfStrings("redirect_uris")).map(RedirectUri::new).toList(),
                Columns.scope(row, "scope"),
                row.getBoolean("require_pkce"));
    }

    private static Set<GrantType> grantTypes(ClientId id, String[] wire) {
        Set<GrantType> grants = EnumSet.noneOf(GrantType.class);
        for (String name : wire) {
            grants.add(GrantType.fromWire(name)
                    .orElseThrow(() -> new IllegalStateException("client " + id + " has an unknown grant type")));
        }
        return grants;
    }
}

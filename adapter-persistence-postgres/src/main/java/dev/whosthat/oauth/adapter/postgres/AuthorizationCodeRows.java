package dev.whosthat.oauth.adapter.postgres;

import static dev.whosthat.oauth.adapter.postgres.Columns.digest;
import static dev.whosthat.oauth.adapter.postgres.Columns.scope;
import static dev.whosthat.oauth.adapter.postgres.Columns.time;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.code.AuthorizationCode;
import dev.whosthat.oauth.domain.code.PkceChallenge;
import dev.whosthat.oauth.domain.token.GrantId;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;

/** {@link AuthorizationCode} to and from an {@code authorization_codes} row. */
final class AuthorizationCodeRows {

    private AuthorizationCodeRows() {
    }

    static Tuple parameters(AuthorizationCode code) {
        return Tuple.tuple()
                .addValue(digest(code.digest()))
                .addValue(code.grant().value())
                .addValue(code.clientId().value())
                .addValue(code.redirectUri().value())
                .addValue(code.redirectUriGiven())
                .addValue(scope(code.scope()))
                .addValue(code.owner().subject().value())
                .addValue(code.owner().username().value())
                .addValue(code.challenge().map(PkceChallenge::value).orElse(null))
                .addValue(time(code.issuedAt()))
                .addValue(time(code.expiresAt()));
    }

    static AuthorizationCode code(Row row) {
        return new AuthorizationCode(
                digest(row, "digest"),
                new GrantId(row.getString("grant_id")),
                new ClientId(row.getString("client_id")),
                new RedirectUri(row.getString("redirect_uri")),
                row.getBoolean("redirect_uri_given"),
                scope(row, "scope"),
                Columns.owner(row).orElseThrow(() -> new IllegalStateException("a code without an owner")),
                Optional.ofNullable(row.getString("code_challenge")).map(PkceChallenge::new),
                time(row, "issued_at"),
                time(row, "expires_at"));
    }
}

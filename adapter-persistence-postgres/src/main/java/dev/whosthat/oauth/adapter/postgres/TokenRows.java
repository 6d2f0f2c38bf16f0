package dev.whosthat.oauth.adapter.postgres;

import static dev.whosthat.oauth.adapter.postgres.Columns.digest;
import static dev.whosthat.oauth.adapter.postgres.Columns.scope;
import static dev.whosthat.oauth.adapter.postgres.Columns.subject;
import static dev.whosthat.oauth.adapter.postgres.Columns.time;
import static dev.whosthat.oauth.adapter.postgres.Columns.username;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.Minted;
import dev.whosthat.oauth.domain.token.RefreshToken;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;

/** Tokens to the parameters of {@link GrantSql#SAVE_TOKENS}, and back from their rows. */
final class TokenRows {

    private TokenRows() {
    }

    static Tuple saveParameters(IssuedTokens tokens) {
        AccessToken access = tokens.access().token();
        Optional<RefreshToken> refresh = tokens.refresh().map(Minted::token);
        Instant latest = refresh.map(RefreshToken::expiresAt).filter(r -> r.isAfter(access.expiresAt()))
                .orElse(access.expiresAt());
        Tuple tuple = Tuple.tuple()
                .addValue(tokens.grant().value())
                .addValue(refresh.map(r -> digest(r.digest())).orElse(null))
                .addValue(time(latest))
                .addValue(digest(access.digest()))
                .addValue(access.clientId().value())
                .addValue(subject(access.owner()))
                .addValue(username(access.owner()))
                .addValue(scope(access.scope()))
                .addValue(time(access.issuedAt()))
                .addValue(time(access.expiresAt()));
        return tuple
                .addValue(refresh.map(r -> r.clientId().value()).orElse(null))
                .addValue(refresh.map(r -> subject(r.owner())).orElse(null))
                .addValue(refresh.map(r -> username(r.owner())).orElse(null))
                .addValue(refresh.map(r -> scope(r.scope())).orElse(null))
                .addValue(refresh.map(r -> time(r.issuedAt())).orElse(null))
                .addValue(refresh.map(r -> time(r.expiresAt())).orElse(null));
    }

    static AccessToken access(Row row) {
        return new AccessToken(digest(row, "digest"), new GrantId(row.getString("grant_id")),
                new ClientId(row.getString("client_id")), Columns.owner(row), scope(row, "scope"),
                time(row, "issued_at"), time(row, "expires_at"));
    }

    static RefreshToken refresh(Row row) {
        return new RefreshToken(digest(row, "digest"), new GrantId(row.getString("grant_id")),
                new ClientId(row.getString("client_id")), Columns.owner(row), scope(row, "scope"),
                time(row, "issued_at"), time(row, "expires_at"), RefreshToken.State.valueOf(row.getString("state")));
    }
}

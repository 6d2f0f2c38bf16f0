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
import dev.whosthat.oauth.domain.token.SecretDigest;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/** Tokens to the parameters of {@link GrantSql#SAVE_TOKENS} and {@link GrantSql#ROTATE}, and back from their rows. */
final class TokenRows {

    private static final Column<String> GRANT = new Column<>(String[]::new, tokens -> tokens.grant().value());
    private static final Column<Buffer> ACCESS_DIGEST = new Column<>(Buffer[]::new, tokens -> digest(accessOf(tokens).digest()));
    private static final Column<String> ACCESS_CLIENT = new Column<>(String[]::new, tokens -> accessOf(tokens).clientId().value());
    private static final Column<String> ACCESS_SUBJECT = new Column<>(String[]::new, tokens -> subject(accessOf(tokens).owner()));
    private static final Column<String> ACCESS_USERNAME = new Column<>(String[]::new, tokens -> username(accessOf(tokens).owner()));
    private static final Column<String> ACCESS_SCOPE = new Column<>(String[]::new, tokens -> accessOf(tokens).scope().wire());
    private static final Column<OffsetDateTime> ACCESS_ISSUED = new Column<>(OffsetDateTime[]::new, tokens -> time(accessOf(tokens).issuedAt()));
    private static final Column<OffsetDateTime> ACCESS_EXPIRES = new Column<>(OffsetDateTime[]::new, tokens -> time(accessOf(tokens).expiresAt()));

    /** The parameters of {@link GrantSql#SAVE_TOKENS} in their order: one array each, one element per response. */
    private static final List<Column<?>> SAVE_COLUMNS = List.of(
            GRANT,
            new Column<>(Buffer[]::new, tokens -> refreshOf(tokens).map(r -> digest(r.digest())).orElse(null)),
            new Column<>(OffsetDateTime[]::new, tokens -> time(latestExpiry(tokens))),
            ACCESS_DIGEST, ACCESS_CLIENT, ACCESS_SUBJECT, ACCESS_USERNAME, ACCESS_SCOPE, ACCESS_ISSUED, ACCESS_EXPIRES,
            new Column<>(String[]::new, tokens -> refreshOf(tokens).map(r -> r.clientId().value()).orElse(null)),
            new Column<>(String[]::new, tokens -> refreshOf(tokens).map(r -> subject(r.owner())).orElse(null)),
            new Column<>(String[]::new, tokens -> refreshOf(tokens).map(r -> username(r.owner())).orElse(null)),
            new Column<>(String[]::new, tokens -> refreshOf(tokens).map(r -> r.scope().wire()).orElse(null)),
            new Column<>(OffsetDateTime[]::new, tokens -> refreshOf(tokens).map(r -> time(r.issuedAt())).orElse(null)),
            new Column<>(OffsetDateTime[]::new, tokens -> refreshOf(tokens).map(r -> time(r.expiresAt())).orElse(null)));

    /** The parameters of {@link GrantSql#SAVE_ACCESS_TOKENS} in their order. */
    private static final List<Column<?>> ACCESS_COLUMNS = List.of(
            GRANT, ACCESS_DIGEST, ACCESS_CLIENT, ACCESS_SUBJECT, ACCESS_USERNAME, ACCESS_SCOPE, ACCESS_ISSUED, ACCESS_EXPIRES);

    /**
     * The last parameter of {@link GrantSql#SAVE_TOKENS}, kept apart: {@link #rotationParameters}
     * take the others as single values, and a rotation's grant always has its row.
     */
    private static final Column<Boolean> NEEDS_GRANT_ROW = new Column<>(Boolean[]::new, TokenRows::needsGrantRow);

    private TokenRows() {
    }

    /** The parameters that store {@code responses}, each of a different grant, in one statement. */
    static Tuple saveParameters(List<IssuedTokens> responses) {
        Tuple tuple = Tuple.tuple();
        SAVE_COLUMNS.forEach(column -> tuple.addValue(column.of(responses)));
        return tuple.addValue(NEEDS_GRANT_ROW.of(responses));
    }

    /** The parameters that store {@code responses}, access tokens alone that open their grants, with {@link GrantSql#SAVE_ACCESS_TOKENS}. */
    static Tuple accessParameters(List<IssuedTokens> responses) {
        Tuple tuple = Tuple.tuple();
        ACCESS_COLUMNS.forEach(column -> tuple.addValue(column.of(responses)));
        return tuple;
    }

    /** Whether none of {@code responses} needs a grant row, so that {@link GrantSql#SAVE_ACCESS_TOKENS} stores them all. */
    static boolean noneNeedsAGrantRow(List<IssuedTokens> responses) {
        return responses.stream().noneMatch(TokenRows::needsGrantRow);
    }

    /**
     * Whether the response's grant needs a row (see {@link GrantSql#SAVE_TOKENS}): all do but an
     * access token alone that opens its grant.
     */
    static boolean needsGrantRow(IssuedTokens tokens) {
        return !tokens.opensGrant() || tokens.refresh().isPresent();
    }

    /** The parameters of {@link GrantSql#ROTATE}: the successor's values, one each, then the presented digest. */
    static Tuple rotationParameters(SecretDigest presented, IssuedTokens successor) {
        Tuple tuple = Tuple.tuple();
        SAVE_COLUMNS.forEach(column -> tuple.addValue(column.value().apply(successor)));
        return tuple.addValue(digest(presented));
    }

    /** One parameter: the values of one column, for every response. */
    private record Column<T>(IntFunction<T[]> newArray, Function<IssuedTokens, T> value) {

        T[] of(List<IssuedTokens> responses) {
            T[] values = newArray.apply(responses.size());
            for (int i = 0; i < values.length; i++) {
                values[i] = value.apply(responses.get(i));
            }
            return values;
        }
    }

    private static AccessToken accessOf(IssuedTokens tokens) {
        return tokens.access().token();
    }

    private static Optional<RefreshToken> refreshOf(IssuedTokens tokens) {
        return tokens.refresh().map(Minted::token);
    }

    /** When the grant's last token expires, as far as this response knows. */
    private static Instant latestExpiry(IssuedTokens tokens) {
        Instant access = accessOf(tokens).expiresAt();
        return refreshOf(tokens).map(RefreshToken::expiresAt).filter(r -> r.isAfter(access)).orElse(access);
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

package dev.whosthat.oauth.adapter.postgres;

import static dev.whosthat.oauth.adapter.postgres.Columns.digest;
import static dev.whosthat.oauth.adapter.postgres.Columns.time;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.code.AuthorizationCode;
import dev.whosthat.oauth.domain.port.AuthorizationCodeStore;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.UserId;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Authorization codes in {@code authorization_codes}, by digest; consumption is one conditional UPDATE. */
public final class PgAuthorizationCodeStore implements AuthorizationCodeStore {

    private final PgClient db;

    PgAuthorizationCodeStore(PgClient db) {
        this.db = db;
    }

    @Override
    public CompletionStage<Void> save(AuthorizationCode code) {
        return db.stage(db.execute(AuthorizationCodeSql.INSERT, AuthorizationCodeRows.parameters(code)).mapEmpty());
    }

    @Override
    public CompletionStage<Optional<AuthorizationCode>> find(SecretDigest digest) {
        return db.stage(db.execute(AuthorizationCodeSql.FIND, Tuple.of(digest(digest)))
                .map(rows -> Columns.first(rows, AuthorizationCodeRows::code)));
    }

    @Override
    public CompletionStage<Consumption> consume(SecretDigest digest) {
        return db.stage(db.execute(AuthorizationCodeSql.CONSUME, Tuple.of(digest(digest)))
                .map(rows -> consumption(rows.iterator().next())));
    }

    private static Consumption consumption(Row row) {
        if (row.getBoolean("won")) {
            return Consumption.CONSUMED;
        }
        return row.getBoolean("known") ? Consumption.ALREADY_USED : Consumption.NOT_FOUND;
    }

    @Override
    public CompletionStage<Void> deleteAllOf(ClientId client) {
        return db.stage(db.execute(AuthorizationCodeSql.DELETE_OF_CLIENT, Tuple.of(client.value())).mapEmpty());
    }

    @Override
    public CompletionStage<Void> deleteAllOf(UserId owner) {
        return db.stage(db.execute(AuthorizationCodeSql.DELETE_OF_OWNER, Tuple.of(owner.value())).mapEmpty());
    }

    @Override
    public CompletionStage<Integer> sweepExpired(Instant now, int limit) {
        if (limit <= 0) {
            return CompletableFuture.completedFuture(0);
        }
        return db.stage(db.execute(AuthorizationCodeSql.SWEEP, Tuple.of(time(now), (long) limit))
                .map(rows -> rows.rowCount()));
    }
}

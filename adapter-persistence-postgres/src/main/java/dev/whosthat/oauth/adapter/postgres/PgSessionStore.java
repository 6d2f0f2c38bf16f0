package dev.whosthat.oauth.adapter.postgres;

import static dev.whosthat.oauth.adapter.postgres.Columns.digest;
import static dev.whosthat.oauth.adapter.postgres.Columns.time;

import dev.whosthat.oauth.domain.port.SessionStore;
import dev.whosthat.oauth.domain.session.LoginSession;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.UserId;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Sign-in sessions in {@code login_sessions}, by the digest of their cookie value. */
public final class PgSessionStore implements SessionStore {

    private final PgClient db;

    PgSessionStore(PgClient db) {
        this.db = db;
    }

    @Override
    public CompletionStage<Void> save(LoginSession session) {
        return db.stage(db.execute(SessionSql.UPSERT, SessionRows.parameters(session)).mapEmpty());
    }

    @Override
    public CompletionStage<Optional<LoginSession>> find(SecretDigest digest) {
        return db.stage(db.execute(SessionSql.FIND, Tuple.of(digest(digest)))
                .map(rows -> Columns.first(rows, SessionRows::session)));
    }

    @Override
    public CompletionStage<Void> delete(SecretDigest digest) {
        return db.stage(db.execute(SessionSql.DELETE, Tuple.of(digest(digest))).mapEmpty());
    }

    @Override
    public CompletionStage<Void> deleteAllOf(UserId owner) {
        return db.stage(db.execute(SessionSql.DELETE_OF_OWNER, Tuple.of(owner.value())).mapEmpty());
    }

    @Override
    public CompletionStage<Integer> sweepExpired(Instant now, int limit) {
        if (limit <= 0) {
            return CompletableFuture.completedFuture(0);
        }
        return db.stage(db.execute(SessionSql.SWEEP, Tuple.of(time(now), (long) limit)).map(rows -> rows.rowCount()));
    }
}

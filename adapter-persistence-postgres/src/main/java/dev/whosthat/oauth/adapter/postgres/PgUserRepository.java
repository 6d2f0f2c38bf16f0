package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.UserRepository;
import dev.whosthat.oauth.domain.user.PasswordHash;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Accounts in {@code users}, unique by id (primary key) and by username (unique constraint). */
public final class PgUserRepository implements UserRepository {

    private final PgClient db;

    PgUserRepository(PgClient db) {
        this.db = db;
    }

    @Override
    public CompletionStage<Optional<UserAccount>> findByUsername(Username username) {
        return db.stage(db.execute(UserSql.FIND_BY_USERNAME, Tuple.of(username.value()))
                .map(rows -> Columns.first(rows, UserRows::account)));
    }

    @Override
    public CompletionStage<Addition> add(UserAccount account) {
        return db.stage(db.insertUnlessTaken(UserSql.INSERT, UserRows.parameters(account))
                .map(inserted -> inserted ? Addition.ADDED : Addition.DUPLICATE));
    }

    @Override
    public CompletionStage<Boolean> updatePasswordHash(UserId id, PasswordHash newHash) {
        return db.stage(db.execute(UserSql.UPDATE_PASSWORD_HASH, Tuple.of(id.value(), newHash.encoded()))
                .map(updated -> updated.rowCount() > 0));
    }

    @Override
    public CompletionStage<List<UserAccount>> list() {
        return db.stage(db.execute(UserSql.LIST, Tuple.tuple()).map(rows -> Columns.all(rows, UserRows::account)));
    }

    @Override
    public CompletionStage<Boolean> delete(UserId id) {
        return db.stage(db.execute(UserSql.DELETE, Tuple.of(id.value())).map(deleted -> deleted.rowCount() > 0));
    }
}

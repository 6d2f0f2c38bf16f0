package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.token.SecretDigest;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Registered clients in {@code clients}; a taken id is reported by the primary key (SQLSTATE 23505). */
public final class PgClientRepository implements ClientRepository {

    private final PgClient db;

    PgClientRepository(PgClient db) {
        this.db = db;
    }

    @Override
    public CompletionStage<Optional<RegisteredClient>> findById(ClientId id) {
        return db.stage(db.execute(ClientSql.FIND, Tuple.of(id.value()))
                .map(rows -> Columns.first(rows, ClientRows::client)));
    }

    @Override
    public CompletionStage<Addition> add(RegisteredClient client) {
        return db.stage(db.insertUnlessTaken(ClientSql.INSERT, ClientRows.parameters(client))
                .map(inserted -> inserted ? Addition.ADDED : Addition.DUPLICATE));
    }

    @Override
    public CompletionStage<Void> upsert(RegisteredClient client) {
        return db.stage(db.execute(ClientSql.UPSERT, ClientRows.parameters(client)).mapEmpty());
    }

    @Override
    public CompletionStage<List<RegisteredClient>> list() {
        return db.stage(db.execute(ClientSql.LIST, Tuple.tuple())
                .map(rows -> Columns.all(rows, ClientRows::client)));
    }

    @Override
    public CompletionStage<Boolean> replaceSecret(ClientId id, SecretDigest newSecret) {
        return db.stage(db.execute(ClientSql.REPLACE_SECRET, Tuple.of(id.value(), Columns.digest(newSecret)))
                .map(updated -> updated.rowCount() > 0));
    }

    @Override
    public CompletionStage<Boolean> delete(ClientId id) {
        return db.stage(db.execute(ClientSql.DELETE, Tuple.of(id.value())).map(deleted -> deleted.rowCount() > 0));
    }
}

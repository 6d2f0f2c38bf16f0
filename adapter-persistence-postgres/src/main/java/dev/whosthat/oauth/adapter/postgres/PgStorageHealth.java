package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.StorageHealth;
import io.vertx.sqlclient.Tuple;
import java.util.concurrent.CompletionStage;

/**
 * {@code SELECT 1} through the pool: proves that a connection can be had and that the server
 * answers, within the same deadline as every other port call.
 */
final class PgStorageHealth implements StorageHealth {

    private static final String PING = "SELECT 1";

    private final PgClient db;

    PgStorageHealth(PgClient db) {
        this.db = db;
    }

    @Override
    public CompletionStage<Void> check() {
        return db.stage(db.execute(PING, Tuple.tuple()).<Void>mapEmpty());
    }
}

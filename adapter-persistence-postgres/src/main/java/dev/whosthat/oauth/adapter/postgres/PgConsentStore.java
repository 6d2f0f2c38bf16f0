package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.consent.Consent;
import dev.whosthat.oauth.domain.port.ConsentStore;
import dev.whosthat.oauth.domain.user.UserId;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Consents in {@code consents}, one row per subject and client, widened by one atomic upsert. */
public final class PgConsentStore implements ConsentStore {

    private final PgClient db;

    PgConsentStore(PgClient db) {
        this.db = db;
    }

    @Override
    public CompletionStage<Optional<Consent>> find(UserId subject, ClientId client) {
        return db.stage(db.execute(ConsentSql.FIND, Tuple.of(subject.value(), client.value()))
                .map(rows -> Columns.first(rows, ConsentRows::consent)));
    }

    @Override
    public CompletionStage<Consent> grant(Consent consent) {
        return db.stage(db.execute(ConsentSql.GRANT, ConsentRows.parameters(consent))
                .map(rows -> ConsentRows.consent(rows.iterator().next())));
    }

    @Override
    public CompletionStage<Void> revoke(UserId subject, ClientId client) {
        return db.stage(db.execute(ConsentSql.DELETE, Tuple.of(subject.value(), client.value())).mapEmpty());
    }

    @Override
    public CompletionStage<Void> revokeAllOf(ClientId client) {
        return db.stage(db.execute(ConsentSql.DELETE_OF_CLIENT, Tuple.of(client.value())).mapEmpty());
    }

    @Override
    public CompletionStage<Void> revokeAllOf(UserId subject) {
        return db.stage(db.execute(ConsentSql.DELETE_OF_SUBJECT, Tuple.of(subject.value())).mapEmpty());
    }
}

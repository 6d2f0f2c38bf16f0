package dev.whosthat.oauth.adapter.postgres;

import static dev.whosthat.oauth.adapter.postgres.Columns.scope;
import static dev.whosthat.oauth.adapter.postgres.Columns.time;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.consent.Consent;
import dev.whosthat.oauth.domain.user.UserId;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/** {@link Consent} to and from a {@code consents} row. */
final class ConsentRows {

    private ConsentRows() {
    }

    static Tuple parameters(Consent consent) {
        return Tuple.of(consent.subject().value(), consent.clientId().value(), scope(consent.scope()),
                time(consent.grantedAt()));
    }

    static Consent consent(Row row) {
        return new Consent(new UserId(row.getString("subject")), new ClientId(row.getString("client_id")),
                scope(row, "scope"), time(row, "granted_at"));
    }
}

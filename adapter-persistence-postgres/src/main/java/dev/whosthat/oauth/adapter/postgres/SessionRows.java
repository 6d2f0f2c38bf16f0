package dev.whosthat.oauth.adapter.postgres;

import static dev.whosthat.oauth.adapter.postgres.Columns.digest;
import static dev.whosthat.oauth.adapter.postgres.Columns.time;

import dev.whosthat.oauth.domain.session.LoginSession;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/** {@link LoginSession} to and from a {@code login_sessions} row. */
final class SessionRows {

    private SessionRows() {
    }

    static Tuple parameters(LoginSession session) {
        return Tuple.of(digest(session.digest()), session.owner().subject().value(), session.owner().username().value(),
                time(session.authenticatedAt()), time(session.expiresAt()));
    }

    static LoginSession session(Row row) {
        return new LoginSession(digest(row, "digest"),
                Columns.owner(row).orElseThrow(() -> new IllegalStateException("a session without an owner")),
                time(row, "authenticated_at"), time(row, "expires_at"));
    }
}

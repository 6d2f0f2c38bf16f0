package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.user.PasswordHash;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

/** {@link UserAccount} to and from a {@code users} row; the password hash is the self-describing PHC string. */
final class UserRows {

    private UserRows() {
    }

    static Tuple parameters(UserAccount account) {
        return Tuple.of(account.id().value(), account.username().value(), account.passwordHash().encoded());
    }

    static UserAccount account(Row row) {
        return new UserAccount(new UserId(row.getString("user_id")), new Username(row.getString("username")),
                new PasswordHash(row.getString("password_hash")));
    }
}

package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;

/** Conversions between domain values and column values that every table shares. */
final class Columns {

    private Columns() {
    }

    /** The first row mapped, or empty: how a lookup by primary key answers. */
    static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> mapper) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(mapper.apply(rows.iterator().next()));
    }

    static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
        return StreamSupport.stream(rows.spliterator(), false).map(mapper).toList();
    }

    static Buffer digest(SecretDigest digest) {
        return Buffer.buffer(digest.bytes());
    }

    static SecretDigest digest(Row row, String column) {
        return SecretDigest.fromBytes(row.getBuffer(column).getBytes());
    }

    /**
     * timestamptz keeps microseconds: an instant comes back truncated to them, a difference of
     * less than a microsecond that no expiry check can notice.
     */
    static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant time(Row row, String column) {
        return row.getOffsetDateTime(column).toInstant();
    }

    /** A scope as a text array, in the order its tokens were first given. */
    static String[] scope(Scope scope) {
        return scope.tokens().toArray(String[]::new);
    }

    static Scope scope(Row row, String column) {
        return Scope.of(Arrays.asList(row.getArrayOfStrings(column)));
    }

    static String subject(Optional<TokenOwnerRef> owner) {
        return owner.map(o -> o.subject().value()).orElse(null);
    }

    static String username(Optional<TokenOwnerRef> owner) {
        return owner.map(o -> o.username().value()).orElse(null);
    }

    /** The owner of a {@code subject, username} column pair; empty when both are null. */
    static Optional<TokenOwnerRef> owner(Row row) {
        String subject = row.getString("subject");
        return subject == null ? Optional.empty()
                : Optional.of(new TokenOwnerRef(new UserId(subject), new Username(row.getString("username"))));
    }
}

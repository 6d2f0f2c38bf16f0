package dev.whosthat.oauth.adapter.postgres;

import static dev.whosthat.oauth.adapter.postgres.Columns.digest;
import static dev.whosthat.oauth.adapter.postgres.Columns.time;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.port.Rotation;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.RefreshToken;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.UserId;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Tokens in {@code access_tokens} and {@code refresh_tokens}, grouped by a {@code grants} row.
 * Lookups are one primary-key read by digest. Every change of a grant goes through its row lock:
 * saving upserts the row in the same statement that inserts the tokens; rotating and revoking lock
 * it first in a transaction. So the semantics of the in-memory store's per-grant {@code compute}
 * hold across any number of nodes. Saves are batched by a {@link TokenSaveBatcher}: many token
 * responses, one statement.
 */
public final class PgTokenStore implements TokenStore {

    /** How long a revocation of a grant we never saw is remembered, in case its tokens arrive late. */
    private static final Duration UNKNOWN_GRANT_TOMBSTONE = Duration.ofDays(1);

    private final PgClient db;
    private final TokenSaveBatcher saves;
    private final Clock clock;

    PgTokenStore(PgClient db, TokenSaveBatcher saves, Clock clock) {
        this.db = db;
        this.saves = saves;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> save(IssuedTokens tokens) {
        // The hot path of every token response: shares a statement, and its commit, with the saves
        // that arrive meanwhile; completes once these tokens are committed.
        return db.stage(saves.save(tokens));
    }

    @Override
    public CompletionStage<Optional<AccessToken>> findAccessToken(SecretDigest digest) {
        return db.stage(db.execute(AccessTokenSql.FIND, Tuple.of(digest(digest)))
                .map(rows -> Columns.first(rows, TokenRows::access)));
    }

    @Override
    public CompletionStage<Optional<RefreshToken>> findRefreshToken(SecretDigest digest) {
        return db.stage(db.execute(RefreshTokenSql.FIND, Tuple.of(digest(digest)))
                .map(rows -> Columns.first(rows, TokenRows::refresh)));
    }

    @Override
    public CompletionStage<Rotation> rotate(SecretDigest presented, IssuedTokens successor) {
        if (successor.refresh().isEmpty()) {
            throw new IllegalArgumentException("a rotation needs a successor refresh token");
        }
        GrantId grant = successor.grant();
        return db.stage(db.inTransaction(conn -> PgClient.execute(conn, GrantSql.LOCK, Tuple.of(grant.value()))
                .compose(rows -> {
                    Optional<Row> row = Columns.first(rows, r -> r);
                    if (row.isEmpty() || row.get().getBoolean("revoked")) {
                        return Future.succeededFuture(Rotation.INACTIVE);
                    }
                    Buffer current = row.get().getBuffer("current_refresh");
                    if (current != null && SecretDigest.fromBytes(current.getBytes()).equals(presented)) {
                        return advance(conn, presented, successor);
                    }
                    return reuseOrUnknown(conn, presented, grant);
                })));
    }

    /** The presented token is the grant's current one: it is rotated, the successor becomes current. */
    private Future<Rotation> advance(SqlConnection conn, SecretDigest presented, IssuedTokens successor) {
        return PgClient.execute(conn, GrantSql.ROTATE, TokenRows.rotationParameters(presented, successor))
                .map(rotated -> Rotation.ROTATED);
    }

    /** RFC 9700 §4.14.2: a refresh token of this grant that is no longer current was used again. */
    private Future<Rotation> reuseOrUnknown(SqlConnection conn, SecretDigest presented, GrantId grant) {
        return PgClient.execute(conn, RefreshTokenSql.BELONGS_TO_GRANT, Tuple.of(digest(presented), grant.value()))
                .compose(rows -> rows.iterator().next().getBoolean("known")
                        ? revoke(conn, grant).map(revoked -> Rotation.REUSED)
                        : Future.succeededFuture(Rotation.INACTIVE));
    }

    @Override
    public CompletionStage<Boolean> revokeAccessToken(SecretDigest digest) {
        return db.stage(db.execute(AccessTokenSql.DELETE, Tuple.of(digest(digest))).map(rows -> rows.rowCount() > 0));
    }

    @Override
    public CompletionStage<Void> revokeGrant(GrantId grant) {
        return db.stage(db.inTransaction(conn -> revoke(conn, grant)));
    }

    /**
     * No index serves these scans (the hot paths never ask by client or owner, and every index
     * costs each token insert); an operator deleting a client or an account can afford them.
     */
    @Override
    public CompletionStage<Void> revokeAllOf(ClientId client) {
        return revokeAll(GrantSql.REVOKE_OF_CLIENT, GrantSql.DELETE_TOKENS_OF_CLIENT, client.value());
    }

    @Override
    public CompletionStage<Void> revokeAllOf(UserId owner) {
        return revokeAll(GrantSql.REVOKE_OF_OWNER, GrantSql.DELETE_TOKENS_OF_OWNER, owner.value());
    }

    private CompletionStage<Void> revokeAll(String markRevoked, String deleteTokens, String key) {
        return db.stage(db.inTransaction(conn -> PgClient.execute(conn, markRevoked, Tuple.of(key))
                .compose(marked -> PgClient.execute(conn, deleteTokens, Tuple.of(key)))
                .mapEmpty()));
    }

    /** Marks the grant revoked (holding its row lock from then on), then deletes its tokens. */
    private Future<Void> revoke(SqlConnection conn, GrantId grant) {
        Instant tombstoneExpiry = clock.instant().plus(UNKNOWN_GRANT_TOMBSTONE);
        return PgClient.execute(conn, GrantSql.REVOKE, Tuple.of(grant.value(), time(tombstoneExpiry)))
                .compose(marked -> PgClient.execute(conn, GrantSql.DELETE_TOKENS, Tuple.of(grant.value())))
                .mapEmpty();
    }

    /**
     * Deletes up to {@code limit} expired tokens, access tokens first, and reports how many; then
     * up to {@code limit} grants whose every token has expired (bookkeeping, not tokens: not
     * counted). Each statement is its own short transaction.
     */
    @Override
    public CompletionStage<Integer> sweepExpired(Instant now, int limit) {
        return db.stage(sweep(AccessTokenSql.SWEEP, now, limit)
                .compose(access -> sweep(RefreshTokenSql.SWEEP, now, limit - access).map(refresh -> access + refresh))
                .compose(tokens -> sweep(GrantSql.SWEEP, now, limit).map(grants -> tokens)));
    }

    private Future<Integer> sweep(String sql, Instant now, int limit) {
        if (limit <= 0) {
            return Future.succeededFuture(0);
        }
        return db.execute(sql, Tuple.of(time(now), (long) limit)).map(rows -> rows.rowCount());
    }
}

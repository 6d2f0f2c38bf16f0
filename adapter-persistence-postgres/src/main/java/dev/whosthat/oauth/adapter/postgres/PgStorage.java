package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.port.AuthorizationCodeStore;
import dev.whosthat.oauth.domain.port.ClientRepository;
import dev.whosthat.oauth.domain.port.ConsentStore;
import dev.whosthat.oauth.domain.port.FailureCounter;
import dev.whosthat.oauth.domain.port.SessionStore;
import dev.whosthat.oauth.domain.port.StorageHealth;
import dev.whosthat.oauth.domain.port.StorageUnavailableException;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.port.UserRepository;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Every storage port on one PostgreSQL database: opens the connection pool, brings the schema up to
 * date, and hands out the ports. Any number of server nodes may share the database; every atomic
 * operation of a port is atomic across them.
 *
 * <p>Nothing waits without bound: connecting, waiting for a pooled connection, and every statement
 * have timeouts, so a database that is gone makes port calls fail fast with a
 * {@link StorageUnavailableException}; the pool reconnects by itself once it is back.
 */
public final class PgStorage {

    /**
     * How to reach the database and how long to wait for it.
     *
     * @param uri {@code postgresql://user:password@host:5432/database}
     * @param poolSize connections per server node
     * @param connectTimeout to open a connection, and to wait for a free one in the pool
     * @param statementTimeout the server cancels a statement that runs longer; a port call fails on
     *     the client side at the latest a second after it
     * @param cacheTtl how long a node may serve a look-up (client, access token, failure count)
     *     from its own cache: the bound on how late it sees a change whose invalidation it missed;
     *     zero turns the caches off
     */
    public record Settings(String uri, int poolSize, Duration connectTimeout, Duration statementTimeout, Duration cacheTtl) {

        public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
        public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);
        public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(2);
        public static final Duration MAX_CACHE_TTL = Duration.ofMinutes(1);

        public Settings {
            Objects.requireNonNull(uri, "uri");
            if (poolSize < 1) {
                throw new IllegalArgumentException("the pool needs at least one connection");
            }
            if (connectTimeout.toMillis() < 1 || statementTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            if (cacheTtl.isNegative() || cacheTtl.compareTo(MAX_CACHE_TTL) > 0) {
                throw new IllegalArgumentException("the cache ttl must be from zero to " + MAX_CACHE_TTL.toSeconds() + " s");
            }
        }

        public Settings(String uri, int poolSize, Duration connectTimeout, Duration statementTimeout) {
            this(uri, poolSize, connectTimeout, statementTimeout, DEFAULT_CACHE_TTL);
        }

        public static Settings of(String uri, int poolSize) {
            return new Settings(uri, poolSize, DEFAULT_CONNECT_TIMEOUT, DEFAULT_STATEMENT_TIMEOUT);
        }

        public Settings withCacheTtl(Duration ttl) {
            return new Settings(uri, poolSize, connectTimeout, statementTimeout, ttl);
        }

        /** The URI stays out: it may hold a password. */
        @Override
        public String toString() {
            return "Settings[poolSize=" + poolSize + ", connectTimeout=" + connectTimeout
                    + ", statementTimeout=" + statementTimeout + ", cacheTtl=" + cacheTtl + "]";
        }
    }

    /** What start-up found in the database and did to it. */
    public record Schema(int before, int after, List<Integer> applied, int latestKnown) {
    }

    /** The name of the connection pool, as pool metrics label it ({@code pool_name}). */
    public static final String POOL_NAME = "whosthat";

    /** Batches of token saves in the database at once, per node (see {@link #tokenSaves}). */
    private static final int MAX_TOKEN_SAVES_IN_FLIGHT = 2;

    private static final Duration MIGRATION_DEADLINE = Duration.ofMinutes(5);

    /** Bounds of the look-up caches, per node: a few tens of MB at most. */
    private static final int CACHED_TOKENS = 100_000;
    private static final int CACHED_CLIENTS = 10_000;
    private static final int CACHED_COUNTERS = 100_000;

    private final Pool pool;
    private final Optional<Invalidations> invalidations;
    private final String target;
    private final Schema schema;
    private final ClientRepository clients;
    private final PgUserRepository users;
    private final TokenStore tokens;
    private final PgAuthorizationCodeStore codes;
    private final PgSessionStore sessions;
    private final PgConsentStore consents;
    private final FailureCounter failures;
    private final PgStorageHealth health;

    private PgStorage(Pool pool, PgClient db, TokenSaveBatcher tokenSaves, String target, Schema schema, Clock clock,
                      Optional<Invalidations> invalidations, Duration cacheTtl, Ticker ticker) {
        this.pool = pool;
        this.invalidations = invalidations;
        this.target = target;
        this.schema = schema;
        this.users = new PgUserRepository(db);
        this.codes = new PgAuthorizationCodeStore(db);
        this.sessions = new PgSessionStore(db);
        this.consents = new PgConsentStore(db);
        ClientRepository clientTable = new PgClientRepository(db);
        TokenStore tokenTables = new PgTokenStore(db, tokenSaves, clock);
        FailureCounter counterTable = new PgFailureCounter(db);
        if (invalidations.isPresent()) {
            Invalidations bus = invalidations.get();
            this.clients = new CachedClientRepository(clientTable, new LookupCache<>(cacheTtl, CACHED_CLIENTS, ticker), bus);
            this.tokens = new CachedTokenStore(tokenTables, new LookupCache<>(cacheTtl, CACHED_TOKENS, ticker), bus);
            this.failures = new CachedFailureCounter(counterTable, new LookupCache<>(cacheTtl, CACHED_COUNTERS, ticker), bus);
        } else {
            this.clients = clientTable;
            this.tokens = tokenTables;
            this.failures = counterTable;
        }
        this.health = new PgStorageHealth(db);
    }

    /**
     * Connects and migrates. The stage fails with a {@link StorageUnavailableException} when the
     * database cannot be reached (worth retrying), with an {@link IllegalArgumentException} for a
     * malformed URI, and with whatever PostgreSQL answered otherwise (wrong password, no such
     * database, a failed migration). The pool is closed again on failure.
     */
    public static CompletionStage<PgStorage> open(Vertx vertx, Settings settings, Clock clock) {
        return open(vertx, settings, clock, Ticker.systemTicker());
    }

    /** As {@link #open(Vertx, Settings, Clock)}, with the caches' ticker given (tests drive it to prove the ttl bound). */
    static CompletionStage<PgStorage> open(Vertx vertx, Settings settings, Clock clock, Ticker ticker) {
        PgConnectOptions connect;
        try {
            connect = PgConnectOptions.fromUri(settings.uri());
        } catch (RuntimeException malformed) {
            // The parser's message may quote the URI, and with it the password.
            return Future.<PgStorage>failedFuture(new IllegalArgumentException("the PostgreSQL URI is malformed"))
                    .toCompletionStage();
        }
        long statementMillis = settings.statementTimeout().toMillis();
        connect.setReconnectAttempts(0)
                // Every statement is one of a few fixed texts: parse and plan each once per connection.
                .setCachePreparedStatements(true)
                .addProperty("application_name", "whosthat")
                // Server-side bounds: a statement, a lock wait, a transaction left open by a lost client.
                .addProperty("statement_timeout", String.valueOf(statementMillis))
                .addProperty("lock_timeout", String.valueOf(statementMillis))
                .addProperty("idle_in_transaction_session_timeout", String.valueOf(statementMillis * 2));
        int connectMillis = (int) settings.connectTimeout().toMillis();
        PoolOptions poolOptions = new PoolOptions()
                .setName(POOL_NAME)
                .setMaxSize(settings.poolSize())
                .setConnectionTimeout(connectMillis)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setIdleTimeout(60)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                // Renews connections now and then, so that a failover behind a DNS name is followed.
                .setMaxLifetime(30)
                .setMaxLifetimeUnit(TimeUnit.MINUTES);
        NetClientOptions net = new NetClientOptions()
                .setConnectTimeout(connectMillis)
                .setTcpKeepAlive(true);
        Pool pool = PgBuilder.pool().with(poolOptions).with(net).connectingTo(connect).using(vertx).build();
        String target = connect.getHost() + ":" + connect.getPort() + "/" + connect.getDatabase();
        // The client-side deadline: the server's timeout, the wait for a connection, and a margin.
        PgClient db = new PgClient(pool, settings.statementTimeout().plus(settings.connectTimeout()).plusSeconds(1));
        List<Migrations.Migration> migrations = Migrations.all();
        int latestKnown = migrations.get(migrations.size() - 1).version();
        return Migrations.apply(pool, migrations)
                .timeout(MIGRATION_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                .compose(outcome -> subscribeUnlessUncached(vertx, connect, db, settings).map(invalidations -> new PgStorage(
                        pool, db, tokenSaves(vertx, db, settings.poolSize()), target,
                        new Schema(outcome.before(), outcome.after(), outcome.applied(), latestKnown), clock,
                        invalidations, settings.cacheTtl(), ticker)))
                .recover(failure -> pool.close().transform(closed -> Future.<PgStorage>failedFuture(
                        PgFailures.translate(failure))))
                .toCompletionStage();
    }

    /**
     * Two batches in flight keep the database busy (one commits while the next fills); more only
     * split the same load into smaller batches. Never more than half the pool, so that the look-ups
     * always find connections.
     */
    private static TokenSaveBatcher tokenSaves(Vertx vertx, PgClient db, int poolSize) {
        int inFlight = Math.max(1, Math.min(MAX_TOKEN_SAVES_IN_FLIGHT, poolSize / 2));
        return new TokenSaveBatcher(vertx, db, inFlight, TokenSaveBatcher.MAX_BATCH);
    }

    private static Future<Optional<Invalidations>> subscribeUnlessUncached(Vertx vertx, PgConnectOptions connect, PgClient db,
                                                                          Settings settings) {
        if (settings.cacheTtl().isZero()) {
            return Future.succeededFuture(Optional.empty());
        }
        return Invalidations.subscribe(vertx, connect, db).map(Optional::of);
    }

    /** {@code host:port/database}, for logs: never the user or the password. */
    public String target() {
        return target;
    }

    public Schema schema() {
        return schema;
    }

    public ClientRepository clients() {
        return clients;
    }

    public UserRepository users() {
        return users;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public AuthorizationCodeStore codes() {
        return codes;
    }

    public SessionStore sessions() {
        return sessions;
    }

    public ConsentStore consents() {
        return consents;
    }

    public FailureCounter failures() {
        return failures;
    }

    public StorageHealth health() {
        return health;
    }

    /** Closes the pool's connections; the ports fail afterwards. */
    public CompletionStage<Void> close() {
        Future<Void> unsubscribed = invalidations.map(Invalidations::close).orElseGet(Future::succeededFuture);
        return unsubscribed.transform(done -> pool.close()).toCompletionStage();
    }

    /** One line for an operator about why the database could not be used, without any secret. */
    public static String describe(Throwable failure) {
        return PgFailures.describe(failure);
    }
}

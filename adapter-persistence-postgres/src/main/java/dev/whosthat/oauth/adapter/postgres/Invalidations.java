package dev.whosthat.oauth.adapter.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells every node's look-up caches what a write made stale, over PostgreSQL {@code LISTEN/NOTIFY}.
 * A node that was disconnected may have missed messages, so it empties its caches whenever its
 * subscription is (re)established; between the loss and the reconnection, the caches' ttl bounds
 * how stale they can be.
 *
 * <p>Messages are short texts: {@code a:<digest hex>} (an access token), {@code g:<grant id>} (a
 * grant), {@code c:<client id>} (a client), {@code tc:<client id>} and {@code to:<subject>} (every token
 * of a client, of a resource owner), {@code f:<counter key>} (a failure counter), {@code *}
 * (everything). No secret is ever in one: digests and ids only.
 */
final class Invalidations {

    static final String CHANNEL = "whosthat_cache_invalidation";
    static final String EVERYTHING = "*";
    private static final String NOTIFY = "SELECT pg_notify($1, $2)";
    /** Reconnection after a lost subscription: every second, for as long as it takes. */
    private static final long RECONNECT_DELAY_MILLIS = 1_000;

    private final PgClient db;
    private final PgSubscriber subscriber;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    private Invalidations(PgClient db, PgSubscriber subscriber) {
        this.db = db;
        this.subscriber = subscriber;
    }

    /** Subscribes; the future fails if the first connection does (the caller may go on without). */
    static Future<Invalidations> subscribe(Vertx vertx, PgConnectOptions connect, PgClient db) {
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, new PgConnectOptions(connect))
                .reconnectPolicy(retries -> RECONNECT_DELAY_MILLIS);
        Invalidations invalidations = new Invalidations(db, subscriber);
        subscriber.channel(CHANNEL)
                .handler(invalidations::deliver)
                // (Re)subscribed: whatever was published while away is unknown, so everything is.
                .subscribeHandler(subscribed -> invalidations.deliver(EVERYTHING));
        return subscriber.connect().map(invalidations);
    }

    void onMessage(Consumer<String> listener) {
        listeners.add(listener);
    }

    private void deliver(String message) {
        listeners.forEach(listener -> listener.accept(message));
    }

    /**
     * Tells every node, this one included. Never fails: a message that cannot be sent leaves the
     * other nodes stale for at most the caches' ttl, which is the documented bound.
     */
    CompletionStage<Void> publish(String message) {
        deliver(message);
        return db.stage(db.execute(NOTIFY, Tuple.of(CHANNEL, message)).<Void>mapEmpty())
                .exceptionally(unsent -> null);
    }

    Future<Void> close() {
        return subscriber.close();
    }
}

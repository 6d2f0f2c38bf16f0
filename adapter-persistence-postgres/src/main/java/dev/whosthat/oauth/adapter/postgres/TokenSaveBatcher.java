package dev.whosthat.oauth.adapter.postgres;

import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Group commit of token responses. A save that finds a free slot (fewer than {@code maxInFlight}
 * batches in the database) is sent at once; one that finds every slot busy waits, and all that
 * waited go out together, as one {@link GrantSql#SAVE_TOKENS} statement and one commit, as soon as
 * a batch finishes. So a lone save is never delayed (there is no timer), and under load the
 * batches grow with the queue by themselves: the round trip, executor start-up and commit of a
 * statement are paid once per batch instead of once per token.
 *
 * <p>A caller's future completes only once its own rows are committed, and fails with what its own
 * statement would have failed with: a batch that fails is tried again one response per statement
 * (storing is idempotent: the upsert merges, the inserts skip what exists), so a row that a
 * constraint refuses, or whose grant stays locked too long, fails alone, as before batching.
 */
final class TokenSaveBatcher {

    /**
     * Rows per statement at most: enough that a statement's fixed cost is spread thin, few enough
     * that one statement (and the grant row locks it holds until its commit) stays short.
     */
    static final int MAX_BATCH = 256;

    private final Vertx vertx;
    private final PgClient db;
    private final int maxInFlight;
    private final int maxBatch;

    /*
     * save() runs on whichever event loop serves the request, and a batch finishes on its
     * connection's, so the queue is shared between threads. A plain lock guards it: it is held only
     * to move saves between the queue and a batch, never across I/O, which costs less than
     * hopping every save onto one context, and is as obviously correct.
     */
    private final Object lock = new Object();
    private final ArrayDeque<PendingSave> queue = new ArrayDeque<>();
    private int inFlight;

    /**
     * @param maxInFlight batches in the database at once, each on a connection of the pool
     * @param maxBatch rows per statement at most
     */
    TokenSaveBatcher(Vertx vertx, PgClient db, int maxInFlight, int maxBatch) {
        if (maxInFlight < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("a batcher needs at least one slot and one row per batch");
        }
        this.vertx = vertx;
        this.db = db;
        this.maxInFlight = maxInFlight;
        this.maxBatch = maxBatch;
    }

    /** Completes once {@code tokens} are committed; fails with the statement's failure, untranslated. */
    Future<Void> save(IssuedTokens tokens) {
        PendingSave save = new PendingSave(tokens, new CompletableFuture<>());
        // Bound to the caller's context, as the pool's own futures are: the caller's continuation and
        // deadline timer run on its event loop, not on the connection's that finished the batch.
        Future<Void> committed = Future.fromCompletionStage(save.committed(), vertx.getOrCreateContext());
        synchronized (lock) {
            queue.add(save);
        }
        sendWhileSlotsAreFree();
        return committed;
    }

    private void sendWhileSlotsAreFree() {
        for (List<PendingSave> batch = nextBatch(); !batch.isEmpty(); batch = nextBatch()) {
            send(batch);
        }
    }

    /** The saves to send next, holding a slot from now on; empty when nothing waits or no slot is free. */
    private List<PendingSave> nextBatch() {
        synchronized (lock) {
            if (queue.isEmpty() || inFlight >= maxInFlight) {
                return List.of();
            }
            inFlight++;
            List<PendingSave> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
            Set<GrantId> grants = new HashSet<>();
            // A second save of a grant ends the batch (one statement cannot upsert a row twice) and
            // leads the next one: the queue stays in arrival order.
            while (!queue.isEmpty() && batch.size() < maxBatch && grants.add(queue.peek().tokens().grant())) {
                batch.add(queue.poll());
            }
            return batch;
        }
    }

    private void send(List<PendingSave> batch) {
        store(batch).onComplete(stored -> {
            if (stored.failed() && batch.size() > 1) {
                // Nothing of the batch was committed: each caller gets the outcome of its own statement.
                Future.join(batch.stream().map(this::storeAlone).toList()).onComplete(retried -> releaseSlot());
            } else {
                // The next batch goes out before the callers' continuations run, so the database is kept busy.
                releaseSlot();
                batch.forEach(save -> save.settle(stored));
            }
        });
    }

    private Future<Void> storeAlone(PendingSave save) {
        return store(List.of(save)).andThen(save::settle);
    }

    private Future<Void> store(List<PendingSave> batch) {
        try {
            List<IssuedTokens> responses = batch.stream().map(PendingSave::tokens).toList();
            return (TokenRows.noneNeedsAGrantRow(responses)
                    ? db.execute(GrantSql.SAVE_ACCESS_TOKENS, TokenRows.accessParameters(responses))
                    : db.execute(GrantSql.SAVE_TOKENS, TokenRows.saveParameters(responses)))
                    .mapEmpty();
        } catch (RuntimeException unexpected) {
            // Whatever happens, the batch must finish: a caller left waiting would hold its request forever.
            return Future.failedFuture(unexpected);
        }
    }

    private void releaseSlot() {
        synchronized (lock) {
            inFlight--;
        }
        sendWhileSlotsAreFree();
    }

    /** A save waiting for its batch, and how its caller learns the outcome. */
    private record PendingSave(IssuedTokens tokens, CompletableFuture<Void> committed) {

        void settle(AsyncResult<?> outcome) {
            if (outcome.succeeded()) {
                committed.complete(null);
            } else {
                committed.completeExceptionally(outcome.cause());
            }
        }
    }
}

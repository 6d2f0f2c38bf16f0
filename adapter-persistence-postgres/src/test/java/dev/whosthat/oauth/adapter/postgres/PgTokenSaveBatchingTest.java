package dev.whosthat.oauth.adapter.postgres;

import static dev.whosthat.oauth.domain.port.Stages.await;
import static dev.whosthat.oauth.domain.port.TestTokens.T0;
import static dev.whosthat.oauth.domain.port.TestTokens.accessDigest;
import static dev.whosthat.oauth.domain.port.TestTokens.refreshDigest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.port.StorageUnavailableException;
import dev.whosthat.oauth.domain.port.TestTokens;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.RefreshToken;
import io.vertx.core.Context;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit of token saves, against the real database. To make a batch deterministic, a test
 * first holds the row lock of one grant and saves into it: that save is in flight, stuck on the
 * lock, in the batcher's only slot, so everything saved next queues; releasing the lock lets the
 * queue go. Which saves shared a transaction is read from the rows themselves ({@code xmin}).
 */
class PgTokenSaveBatchingTest {

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void aLoneSaveIsSentAtOnceWithoutWaitingForCompany() {
        OneSlot tokens = oneSlot(sharedDatabase(), TokenSaveBatcher.MAX_BATCH);
        IssuedTokens lone = TestTokens.withRefresh(T0);

        await(tokens.store.save(lone));

        assertThat(await(tokens.store.findAccessToken(accessDigest(lone)))).contains(lone.access().token());
        assertThat(await(tokens.store.findRefreshToken(refreshDigest(lone)))).contains(lone.refresh().orElseThrow().token());
    }

    @Test
    void savesArrivingWhileABatchIsInFlightAreCommittedTogetherInBatchesOfTheCap() throws Exception {
        OneSlot tokens = oneSlot(sharedDatabase(), 40);
        List<IssuedTokens> queued = IntStream.range(0, 100)
                .mapToObj(i -> i % 2 == 0 ? TestTokens.accessOnly(T0) : TestTokens.withRefresh(T0)).toList();

        List<CompletionStage<Void>> saves = tokens.whileOneSaveIsStuck(() -> queued.stream().map(tokens.store::save).toList());

        saves.forEach(save -> await(save));
        for (IssuedTokens issued : queued) {
            assertThat(await(tokens.store.findAccessToken(accessDigest(issued)))).contains(issued.access().token());
            if (issued.refresh().isPresent()) {
                assertThat(await(tokens.store.findRefreshToken(refreshDigest(issued))))
                        .contains(issued.refresh().orElseThrow().token());
            }
        }
        // 100 saves, at most 40 a statement: three transactions.
        assertThat(tokens.transactionsThatInserted(queued)).isEqualTo(3);
    }

    @Test
    void savesOfOneGrantInOneBurstAllLandEachInAStatementOfItsOwn() throws Exception {
        OneSlot tokens = oneSlot(sharedDatabase(), TokenSaveBatcher.MAX_BATCH);
        IssuedTokens first = TestTokens.withRefresh(T0);
        await(tokens.store.save(first));
        List<IssuedTokens> sameGrant = IntStream.range(0, 4)
                .mapToObj(i -> TestTokens.successorOf(first, T0.plusSeconds(i + 1))).toList();
        List<IssuedTokens> burst = new ArrayList<>();
        for (IssuedTokens successor : sameGrant) {
            burst.add(successor);
            burst.add(TestTokens.accessOnly(T0));
        }

        List<CompletionStage<Void>> saves = tokens.whileOneSaveIsStuck(() -> burst.stream().map(tokens.store::save).toList());

        saves.forEach(save -> await(save));
        for (IssuedTokens issued : burst) {
            assertThat(await(tokens.store.findAccessToken(accessDigest(issued)))).contains(issued.access().token());
        }
        for (IssuedTokens successor : sameGrant) {
            assertThat(await(tokens.store.findRefreshToken(refreshDigest(successor))))
                    .hasValueSatisfying(found -> assertThat(found.state()).isEqualTo(RefreshToken.State.ACTIVE));
        }
        // Each save of the grant leads a batch of its own, and none of them had to be retried alone.
        assertThat(tokens.transactionsThatInserted(sameGrant)).isEqualTo(sameGrant.size());
        assertThat(tokens.transactionsThatInserted(burst)).isEqualTo(sameGrant.size());
    }

    @Test
    void aSaveIntoARevokedGrantInsertsNothingAndTheRestOfItsBatchLands() throws Exception {
        OneSlot tokens = oneSlot(sharedDatabase(), TokenSaveBatcher.MAX_BATCH);
        IssuedTokens revokedEarlier = TestTokens.withRefresh(T0);
        await(tokens.store.save(revokedEarlier));
        await(tokens.store.revokeGrant(revokedEarlier.grant()));
        IssuedTokens lateForRevoked = TestTokens.successorOf(revokedEarlier, T0.plusSeconds(1));
        IssuedTokens revokedBeforeItsTokens = TestTokens.withRefresh(T0);
        await(tokens.store.revokeGrant(revokedBeforeItsTokens.grant()));
        List<IssuedTokens> live = List.of(TestTokens.withRefresh(T0), TestTokens.accessOnly(T0), TestTokens.withRefresh(T0));
        List<IssuedTokens> batch = List.of(live.get(0), lateForRevoked, live.get(1), revokedBeforeItsTokens, live.get(2));

        List<CompletionStage<Void>> saves = tokens.whileOneSaveIsStuck(() -> batch.stream().map(tokens.store::save).toList());

        saves.forEach(save -> await(save));
        for (IssuedTokens refused : List.of(lateForRevoked, revokedBeforeItsTokens)) {
            assertThat(await(tokens.store.findAccessToken(accessDigest(refused)))).isEmpty();
            assertThat(await(tokens.store.findRefreshToken(refreshDigest(refused)))).isEmpty();
        }
        for (IssuedTokens issued : live) {
            assertThat(await(tokens.store.findAccessToken(accessDigest(issued)))).contains(issued.access().token());
        }
        assertThat(tokens.transactionsThatInserted(live)).isEqualTo(1);
    }

    @Test
    void tokensOpeningTheirGrantWithoutARefreshTokenGetNoGrantRowAndShareTheBatchWithTheOthers() throws Exception {
        OneSlot tokens = oneSlot(sharedDatabase(), TokenSaveBatcher.MAX_BATCH);
        IssuedTokens clientCredentials = TestTokens.accessOnly(T0).openingTheirGrant();
        IssuedTokens password = TestTokens.withRefresh(T0).openingTheirGrant();
        IssuedTokens codeWithoutRefresh = TestTokens.accessOnly(T0);
        IssuedTokens revokedEarlier = TestTokens.accessOnly(T0);
        await(tokens.store.revokeGrant(revokedEarlier.grant()));
        List<IssuedTokens> live = List.of(clientCredentials, password, codeWithoutRefresh);
        List<IssuedTokens> batch = List.of(clientCredentials, revokedEarlier, password, codeWithoutRefresh);

        List<CompletionStage<Void>> saves = tokens.whileOneSaveIsStuck(() -> batch.stream().map(tokens.store::save).toList());

        saves.forEach(save -> await(save));
        for (IssuedTokens issued : live) {
            assertThat(await(tokens.store.findAccessToken(accessDigest(issued)))).contains(issued.access().token());
        }
        assertThat(await(tokens.store.findAccessToken(accessDigest(revokedEarlier)))).isEmpty();
        assertThat(tokens.transactionsThatInserted(live)).isEqualTo(1);
        // The grant whose id nobody knew before its response has no row to lock or to sweep; the
        // others keep theirs, which serialise a save against a revocation of the same grant.
        assertThat(tokens.grantRowExists(clientCredentials)).isFalse();
        assertThat(tokens.grantRowExists(password)).isTrue();
        assertThat(tokens.grantRowExists(codeWithoutRefresh)).isTrue();
    }

    @Test
    void aBatchOfAccessTokensAloneOpeningTheirGrantsLandsInOneStatementWithEveryFieldAndNoGrantRow() throws Exception {
        OneSlot tokens = oneSlot(sharedDatabase(), TokenSaveBatcher.MAX_BATCH);
        List<IssuedTokens> batch = List.of(TestTokens.accessOnly(T0).openingTheirGrant(),
                TestTokens.accessOnly(T0.plusSeconds(1)).openingTheirGrant(), TestTokens.accessOnly(T0.plusSeconds(2)).openingTheirGrant());

        List<CompletionStage<Void>> saves = tokens.whileOneSaveIsStuck(() -> batch.stream().map(tokens.store::save).toList());

        saves.forEach(save -> await(save));
        for (IssuedTokens issued : batch) {
            assertThat(await(tokens.store.findAccessToken(accessDigest(issued)))).contains(issued.access().token());
            assertThat(tokens.grantRowExists(issued)).isFalse();
        }
        assertThat(tokens.transactionsThatInserted(batch)).isEqualTo(1);
        // Without a row, the grant is still revocable: its tokens are found by their grant id.
        await(tokens.store.revokeGrant(batch.get(0).grant()));
        assertThat(await(tokens.store.findAccessToken(accessDigest(batch.get(0))))).isEmpty();
        assertThat(await(tokens.store.findAccessToken(accessDigest(batch.get(1))))).isPresent();
    }

    @Test
    void aRowTheDatabaseRefusesFailsOnlyItsOwnCallerAsALoneSaveWould() throws Exception {
        String uri = freshDatabase();
        try (PgAdmin admin = new PgAdmin(uri)) {
            admin.run("ALTER TABLE access_tokens ADD CONSTRAINT no_refused_clients CHECK (client_id NOT LIKE 'refused-%')");
        }
        OneSlot tokens = oneSlot(uri, TokenSaveBatcher.MAX_BATCH);
        IssuedTokens refused = TestTokens.accessOnly(new ClientId("refused-" + TestTokens.unique()), T0);
        List<IssuedTokens> accepted = List.of(TestTokens.accessOnly(T0), TestTokens.withRefresh(T0), TestTokens.accessOnly(T0));

        List<CompletionStage<Void>> saves = tokens.whileOneSaveIsStuck(() -> List.of(tokens.store.save(accepted.get(0)),
                tokens.store.save(refused), tokens.store.save(accepted.get(1)), tokens.store.save(accepted.get(2))));

        assertThat(failureOf(saves.get(1))).isInstanceOf(PgException.class)
                .isNotInstanceOf(StorageUnavailableException.class).hasMessageContaining("no_refused_clients");
        assertThat(failureOf(tokens.store.save(refused))).isInstanceOf(PgException.class)
                .hasMessageContaining("no_refused_clients");
        for (int i : new int[] {0, 2, 3}) {
            await(saves.get(i));
        }
        for (IssuedTokens issued : accepted) {
            assertThat(await(tokens.store.findAccessToken(accessDigest(issued)))).contains(issued.access().token());
        }
        assertThat(await(tokens.store.findAccessToken(accessDigest(refused)))).isEmpty();
    }

    @Test
    void whenTheDatabaseStopsEverySaveInFlightOrQueuedFailsAndNoneIsLeftWaiting() throws Exception {
        EmbeddedPostgres doomed = EmbeddedPostgres.builder().start();
        opened.add(doomed);
        String uri = "postgresql://postgres@localhost:" + doomed.getPort() + "/postgres";
        await(PgTestDatabase.open(uri).close());
        OneSlot tokens = oneSlot(uri, 16);
        IssuedTokens stuck = TestTokens.withRefresh(T0);
        await(tokens.store.save(stuck));
        List<CompletableFuture<Void>> saves = new ArrayList<>();
        try (PgAdmin admin = new PgAdmin(uri)) {
            // The lock's transaction ends with the database.
            admin.holdingLocks(tokens.lockGrant(stuck));
            // Called on the batcher itself: only the batching can complete these, no deadline of the store.
            saves.add(tokens.batcher.save(TestTokens.successorOf(stuck, T0.plusSeconds(1))).toCompletionStage().toCompletableFuture());
            for (int i = 0; i < 50; i++) {
                saves.add(tokens.batcher.save(TestTokens.withRefresh(T0)).toCompletionStage().toCompletableFuture());
            }
            doomed.close();
        }

        // The save in flight may still commit: the stopping database ends the session holding the lock
        // it waits for, and its backend can finish before it is told to stop. It must not be left waiting.
        outcomeOf(saves.get(0)).ifPresent(failure ->
                assertThat(PgFailures.isTransient(failure)).as("%s is an outage", failure).isTrue());
        for (CompletableFuture<Void> queued : saves.subList(1, saves.size())) {
            Throwable failure = failureOf(queued);
            assertThat(PgFailures.isTransient(failure)).as("%s is an outage", failure).isTrue();
        }
    }

    @Test
    void manySavesFromSeveralEventLoopsAndThreadsAllLandWithEveryField() throws Exception {
        TokenStore store = PgTestDatabase.storage().tokens();
        List<IssuedTokens> issued = IntStream.range(0, 400)
                .mapToObj(i -> i % 3 == 0 ? TestTokens.withRefresh(T0) : TestTokens.accessOnly(T0)).toList();
        ConcurrentLinkedQueue<CompletionStage<Void>> saves = new ConcurrentLinkedQueue<>();
        List<List<IssuedTokens>> shares = IntStream.range(0, 8).mapToObj(share -> IntStream.range(0, issued.size())
                .filter(i -> i % 8 == share).mapToObj(issued::get).toList()).toList();
        List<CompletableFuture<Void>> callers = new ArrayList<>();
        for (List<IssuedTokens> share : shares.subList(0, 4)) {
            // A context of its own (a new one per call from a thread outside Vert.x), on the event loops in turn.
            Context eventLoop = PgTestDatabase.vertx().getOrCreateContext();
            CompletableFuture<Void> called = new CompletableFuture<>();
            callers.add(called);
            eventLoop.runOnContext(v -> {
                share.forEach(tokens -> saves.add(store.save(tokens)));
                called.complete(null);
            });
        }
        for (List<IssuedTokens> share : shares.subList(4, 8)) {
            CompletableFuture<Void> called = new CompletableFuture<>();
            callers.add(called);
            new Thread(() -> {
                share.forEach(tokens -> saves.add(store.save(tokens)));
                called.complete(null);
            }).start();
        }
        callers.forEach(caller -> await(caller));

        assertThat(saves).hasSize(issued.size());
        saves.forEach(save -> await(save));
        for (IssuedTokens tokens : issued) {
            assertThat(await(store.findAccessToken(accessDigest(tokens)))).contains(tokens.access().token());
            if (tokens.refresh().isPresent()) {
                assertThat(await(store.findRefreshToken(refreshDigest(tokens)))).contains(tokens.refresh().orElseThrow().token());
            }
        }
    }

    // --- helpers ---------------------------------------------------------------------------

    /** A token store on {@code uri} whose batcher has a single slot, with batches of at most {@code maxBatch}. */
    private OneSlot oneSlot(String uri, int maxBatch) {
        Pool pool = PgBuilder.pool().with(new PoolOptions().setMaxSize(4))
                .connectingTo(PgConnectOptions.fromUri(uri).addProperty("application_name", "whosthat-test-batching"))
                .using(PgTestDatabase.vertx()).build();
        opened.add(pool::close);
        PgClient db = new PgClient(pool, Duration.ofSeconds(30));
        TokenSaveBatcher batcher = new TokenSaveBatcher(PgTestDatabase.vertx(), db, 1, maxBatch);
        return new OneSlot(uri, batcher, new PgTokenStore(db, batcher, Clock.fixed(T0, ZoneOffset.UTC)));
    }

    private record OneSlot(String uri, TokenSaveBatcher batcher, PgTokenStore store) {

        /**
         * Saves into a grant whose row lock a transaction beside holds, runs {@code saves} while that
         * save occupies the only slot, then lets it go.
         */
        List<CompletionStage<Void>> whileOneSaveIsStuck(Supplier<List<CompletionStage<Void>>> saves)
                throws Exception {
            IssuedTokens stuck = TestTokens.withRefresh(T0);
            await(store.save(stuck));
            CompletionStage<Void> stuckSave;
            List<CompletionStage<Void>> queued;
            try (PgAdmin admin = new PgAdmin(uri);
                 AutoCloseable lock = admin.holdingLocks(lockGrant(stuck))) {
                stuckSave = store.save(TestTokens.successorOf(stuck, T0.plusSeconds(1)));
                queued = saves.get();
                assertThat(stuckSave.toCompletableFuture()).as("held by the lock").isNotDone();
            }
            await(stuckSave);
            return queued;
        }

        String lockGrant(IssuedTokens tokens) {
            return "SELECT * FROM grants WHERE grant_id = '" + tokens.grant().value() + "' FOR UPDATE";
        }

        boolean grantRowExists(IssuedTokens tokens) {
            try (PgAdmin admin = new PgAdmin(uri)) {
                return admin.run("SELECT count(*) AS n FROM grants WHERE grant_id = '" + tokens.grant().value() + "'")
                        .iterator().next().getLong("n") > 0;
            }
        }

        /** How many transactions inserted the access tokens of {@code saved}. */
        long transactionsThatInserted(List<IssuedTokens> saved) {
            String digests = saved.stream().map(tokens -> "'" + accessDigest(tokens).hex() + "'")
                    .collect(Collectors.joining(", "));
            try (PgAdmin admin = new PgAdmin(uri)) {
                return admin.run("SELECT count(DISTINCT xmin::text) AS n FROM access_tokens WHERE encode(digest, 'hex') IN ("
                        + digests + ")").iterator().next().getLong("n");
            }
        }
    }

    /** The database the contract tests share, migrated. */
    private static String sharedDatabase() {
        PgTestDatabase.storage();
        return PgTestDatabase.uri();
    }

    private String freshDatabase() {
        String name = "batching_" + TestTokens.unique().toLowerCase().replaceAll("[^a-z0-9]", "");
        String uri;
        try (PgAdmin admin = new PgAdmin(PgTestDatabase.uri())) {
            uri = admin.createDatabase(name);
        }
        PgStorage migrated = PgTestDatabase.open(uri);
        await(migrated.close());
        return uri;
    }

    private static Throwable failureOf(CompletionStage<?> stage) throws Exception {
        return outcomeOf(stage).orElseThrow(() -> new AssertionError("the save succeeded"));
    }

    /** Empty if the stage succeeded, its failure otherwise; a stage still pending after a minute fails the test. */
    private static Optional<Throwable> outcomeOf(CompletionStage<?> stage) throws Exception {
        try {
            stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(e.getCause());
        }
    }
}

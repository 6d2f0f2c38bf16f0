package dev.whosthat.oauth.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whosthat.oauth.domain.port.TestTokens;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start-up migrations, each test on a database of its own. */
class PgMigrationsTest {

    private final PgAdmin admin = new PgAdmin(PgTestDatabase.uri());
    private String uri;

    @BeforeEach
    void createDatabase() {
        uri = admin.createDatabase("migrations_" + TestTokens.unique().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_"));
    }

    @AfterEach
    void closeAdmin() {
        admin.close();
    }

    @Test
    void anEmptyDatabaseGetsEveryMigration() {
        PgStorage storage = PgTestDatabase.open(uri);

        assertThat(storage.schema().before()).isZero();
        assertThat(storage.schema().applied()).containsExactly(1, 2);
        assertThat(storage.schema().after()).isEqualTo(storage.schema().latestKnown());
        storage.close();
    }

    @Test
    void startingOnAnUpToDateDatabaseChangesNothing() {
        PgTestDatabase.open(uri).close();

        PgStorage again = PgTestDatabase.open(uri);

        assertThat(again.schema().applied()).isEmpty();
        assertThat(again.schema().before()).isEqualTo(again.schema().after()).isEqualTo(again.schema().latestKnown());
        again.close();
    }

    @Test
    void twoNodesStartingAtOnceMigrateOnce() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<PgStorage>> starting = nodes.invokeAll(List.of(() -> PgTestDatabase.open(uri),
                    () -> PgTestDatabase.open(uri)));

            List<PgStorage> started = List.of(starting.get(0).get(), starting.get(1).get());

            assertThat(started).extracting(s -> s.schema().applied())
                    .containsExactlyInAnyOrder(List.of(1, 2), List.of());
            try (PgAdmin onDatabase = new PgAdmin(uri)) {
                assertThat(onDatabase.run("SELECT version FROM schema_version").size()).isEqualTo(2);
            }
            started.forEach(PgStorage::close);
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void aMigrationChangedAfterItWasAppliedStopsStartUp() {
        PgTestDatabase.open(uri).close();
        try (PgAdmin onDatabase = new PgAdmin(uri)) {
            onDatabase.run("UPDATE schema_version SET checksum = 'edited' WHERE version = 1");
        }

        assertThatThrownBy(() -> PgStorage.open(PgTestDatabase.vertx(), PgStorage.Settings.of(uri, 2),
                Clock.fixed(TestTokens.T0, ZoneOffset.UTC)).toCompletableFuture().get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessageContaining("V1");
    }
}

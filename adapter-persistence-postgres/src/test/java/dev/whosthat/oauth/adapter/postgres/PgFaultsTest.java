package dev.whosthat.oauth.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.port.StorageUnavailableException;
import dev.whosthat.oauth.domain.port.TestClients;
import dev.whosthat.oauth.domain.port.TestTokens;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import io.vertx.pgclient.PgException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the ports do when the database is not there, or not what was asked for. */
class PgFaultsTest {

    @Test
    void anUnreachableDatabaseFailsStartUpFastAsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long started = System.nanoTime();

        Throwable failure = openFailure("postgresql://postgres@127.0.0.1:" + closedPort + "/postgres");

        assertThat(failure).isInstanceOf(StorageUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anUnknownDatabaseIsNotMistakenForAnOutage() throws Exception {
        Throwable failure = openFailure(PgAdmin.withDatabase(PgTestDatabase.uri(), "no_such_database"));

        assertThat(failure).isInstanceOf(PgException.class).isNotInstanceOf(StorageUnavailableException.class);
        assertThat(PgStorage.describe(failure)).contains("3D000");
    }

    @Test
    void aMalformedUriIsRefusedWithoutEchoingIt() throws Exception {
        Throwable failure = openFailure("postgresql://user:s3cret@host:notaport/db");

        assertThat(failure).isInstanceOf(IllegalArgumentException.class);
        assertThat(failure.getMessage()).doesNotContain("s3cret");
    }

    @Test
    void connectionsKilledUnderThePoolFailAsUnavailableThenAreReplaced() throws Exception {
        PgStorage storage = PgTestDatabase.open(PgTestDatabase.uri());
        ClientId id = TestClients.newId();
        storage.clients().add(TestClients.confidential(id)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        try (PgAdmin admin = new PgAdmin(PgTestDatabase.uri())) {
            int killed = admin.run("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                    + " WHERE application_name = 'whosthat'").size();
            assertThat(killed).isPositive();
        }

        boolean found = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!found && System.nanoTime() < deadline) {
            try {
                found = storage.clients().findById(id).toCompletableFuture().get(5, TimeUnit.SECONDS).isPresent();
            } catch (ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(StorageUnavailableException.class);
                Thread.sleep(50);
            }
        }

        assertThat(found).isTrue();
        storage.close();
    }

    @Test
    void aCallThatWouldWaitOnALockTooLongFailsAsUnavailableInsteadOfHanging() throws Exception {
        PgStorage impatient = PgStorage.open(PgTestDatabase.vertx(), new PgStorage.Settings(PgTestDatabase.uri(), 2,
                Duration.ofSeconds(2), Duration.ofMillis(500)), Clock.fixed(TestTokens.T0, ZoneOffset.UTC))
                .toCompletableFuture().get(30, TimeUnit.SECONDS);
        IssuedTokens issued = TestTokens.withRefresh(TestTokens.T0);
        impatient.tokens().save(issued).toCompletableFuture().get(5, TimeUnit.SECONDS);
        long started;
        Throwable failure;
        try (PgAdmin admin = new PgAdmin(PgTestDatabase.uri());
             AutoCloseable lock = admin.holdingLocks("SELECT * FROM grants WHERE grant_id = '"
                     + issued.grant().value() + "' FOR UPDATE")) {
            started = System.nanoTime();
            failure = catchThrowable(() -> impatient.tokens().revokeGrant(issued.grant()).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS));
        }

        assertThat(failure).isInstanceOf(ExecutionException.class).cause().isInstanceOf(StorageUnavailableException.class)
                .message().containsAnyOf("57014", "55P03");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
        impatient.close();
    }

    private static Throwable openFailure(String uri) throws InterruptedException {
        try {
            PgStorage.open(PgTestDatabase.vertx(), PgStorage.Settings.of(uri, 2), Clock.fixed(TestTokens.T0, ZoneOffset.UTC))
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("opening did not fail within 30 seconds", e);
        }
        throw new AssertionError("opening " + uri + " succeeded");
    }
}

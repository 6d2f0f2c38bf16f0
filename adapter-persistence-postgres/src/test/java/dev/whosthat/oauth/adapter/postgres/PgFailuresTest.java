package dev.whosthat.oauth.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.port.StorageUnavailableException;
import io.vertx.core.VertxException;
import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures are outages (503, worth retrying) and which are bugs (500). */
class PgFailuresTest {

    @Test
    void connectionFaultsAreOutages() {
        assertThat(PgFailures.translate(new ConnectException("Connection refused")))
                .isInstanceOf(StorageUnavailableException.class).hasMessageContaining("Connection refused");
        assertThat(PgFailures.translate(ClosedConnectionException.INSTANCE)).isInstanceOf(StorageUnavailableException.class);
        assertThat(PgFailures.translate(VertxException.noStackTrace("Connection is not active now, current status: CLOSED")))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(PgFailures.translate(new VertxException("Timeout waiting for connection", true)))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(PgFailures.translate(new NoStackTraceTimeoutException("deadline"))).isInstanceOf(StorageUnavailableException.class);
    }

    @Test
    void serverSideOutagesAreOutages() {
        for (String state : new String[] {"57P01", "57P03", "57014", "08006", "53300", "55P03", "40001", "40P01"}) {
            assertThat(PgFailures.translate(new PgException("down", "FATAL", state, null)))
                    .as(state).isInstanceOf(StorageUnavailableException.class).hasMessageContaining(state);
        }
    }

    @Test
    void bugsAndRefusalsStayAsTheyAre() {
        PgException syntax = new PgException("syntax error", "ERROR", "42601", null);
        PgException password = new PgException("password authentication failed", "FATAL", "28P01", null);
        VertxException coercion = new VertxException("Parameter at position[0] with class = [Integer] cannot be coerced", true);
        IllegalStateException mapping = new IllegalStateException("unknown grant type");

        assertThat(PgFailures.translate(syntax)).isSameAs(syntax);
        assertThat(PgFailures.translate(password)).isSameAs(password);
        assertThat(PgFailures.translate(coercion)).isSameAs(coercion);
        assertThat(PgFailures.translate(mapping)).isSameAs(mapping);
    }

    @Test
    void wrappersAreSeenThrough() {
        assertThat(PgFailures.translate(new CompletionException(new ConnectException("refused"))))
                .isInstanceOf(StorageUnavailableException.class);
        assertThat(PgFailures.isUniqueViolation(new CompletionException(
                new PgException("duplicate key", "ERROR", "23505", null)))).isTrue();
    }

    @Test
    void descriptionsNameTheSqlStateAndNothingMore() {
        assertThat(PgFailures.describe(new PgException("relation \"x\" does not exist", "ERROR", "42P01", "detail")))
                .isEqualTo("relation \"x\" does not exist (SQLSTATE 42P01)");
    }
}

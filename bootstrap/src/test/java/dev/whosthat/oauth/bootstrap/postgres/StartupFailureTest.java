package dev.whosthat.oauth.bootstrap.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.whosthat.oauth.bootstrap.config.ConfigException;
import dev.whosthat.oauth.domain.port.StorageUnavailableException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Start-up against a database that is not there, or will not have us: one clear line, never a hang. */
class StartupFailureTest {

    @Test
    void anUnreachableDatabaseStopsStartUpAfterABoundedRetryWithOneLine() {
        int closedPort = TestPostgres.freePort();
        String uri = "postgresql://whosthat:hunter2-secret@127.0.0.1:" + closedPort + "/whosthat";
        long started = System.nanoTime();

        Throwable failure = catchThrowable(() -> Deployment.unique().startNode(uri));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(failure).isInstanceOf(StorageUnavailableException.class);
        assertThat(failure.getMessage())
                .contains("127.0.0.1:" + closedPort + "/whosthat")
                .contains("unreachable after 5 attempts")
                .doesNotContain("hunter2")
                .doesNotContain("\n");
        assertThat(failure.getCause()).as("the launcher prints the root cause's message").isNull();
        assertThat(took).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(30));
    }

    @Test
    void aDatabaseThatDoesNotExistIsAConfigurationErrorAtOnce() {
        URI shared = URI.create(TestPostgres.sharedUri());
        String uri = shared.getScheme() + "://" + shared.getRawAuthority() + "/no_such_database";
        long started = System.nanoTime();

        Throwable failure = catchThrowable(() -> Deployment.unique().startNode(uri));

        assertThat(failure).isInstanceOf(ConfigException.class);
        assertThat(failure.getMessage()).startsWith("config: storage.uri:").contains("3D000").doesNotContain("\n");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(9));
    }
}

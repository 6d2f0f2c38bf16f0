package dev.whosthat.oauth.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired tokens, codes and sessions periodically, on a thread of its own: the memory
 * store's sweep is a scan of its maps, which must never run on an event loop, and one run must end
 * before the next begins.
 */
final class ExpirySweeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);
    /** A run that takes longer than this is abandoned; the next one picks up where it stopped. */
    private static final Duration RUN_LIMIT = Duration.ofMinutes(5);

    private final StorageAdapters storage;
    private final Clock clock;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(OAuthServer.daemonThreads("expiry-sweep-"));

    ExpirySweeper(StorageAdapters storage, Clock clock, Duration interval) {
        this.storage = storage;
        this.clock = clock;
        thread.scheduleWithFixedDelay(this::sweepOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void sweepOnce() {
        try {
            int swept = storage.sweepExpired(clock.instant()).toCompletableFuture().get(RUN_LIMIT.toSeconds(), TimeUnit.SECONDS);
            if (swept > 0) {
                LOG.debug("swept {} expired entries", swept);
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        } catch (Exception failed) {
            // Storage outages are reported by the requests too; one line is enough here.
            LOG.warn("expiry sweep failed: {}", failed.getCause() != null ? failed.getCause() : failed);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

package dev.whosthat.oauth.domain.port;

import java.util.concurrent.CompletionStage;

/**
 * Whether the storage answers right now: what a readiness probe asks before a load balancer sends
 * traffic to this node.
 */
@FunctionalInterface
public interface StorageHealth {

    /**
     * Completes when the storage answered a trivial request; fails with a
     * {@link StorageUnavailableException} when it cannot be reached. Never takes longer than the
     * adapter's own deadline for one call.
     */
    CompletionStage<Void> check();
}

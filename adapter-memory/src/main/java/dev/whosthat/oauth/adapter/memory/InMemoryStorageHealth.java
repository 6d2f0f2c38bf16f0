package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.port.StorageHealth;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Memory is always there while the process is: always ready. */
public final class InMemoryStorageHealth implements StorageHealth {

    @Override
    public CompletionStage<Void> check() {
        return CompletableFuture.completedFuture(null);
    }
}

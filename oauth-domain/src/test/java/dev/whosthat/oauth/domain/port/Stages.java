package dev.whosthat.oauth.domain.port;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Waits for a port's stage in a test; a stage that fails or hangs fails the test. */
public final class Stages {

    private Stages() {
    }

    public static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the stage did not complete within 5 seconds: " + e, e);
        }
    }
}

package dev.whosthat.oauth.bootstrap.cli;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A command runs on the main thread, never an event loop: it may wait for a port's stage. */
final class Await {

    /** Password hashing is slow by design; storage calls time out much sooner on their own. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private Await() {
    }

    static <T> T result(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        } catch (TimeoutException slow) {
            throw new CommandFailure(ExitCodes.FAILURE, "storage did not answer within " + WAIT.toSeconds() + " s");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(ExitCodes.FAILURE, "interrupted");
        }
    }
}

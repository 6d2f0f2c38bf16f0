package dev.whosthat.oauth.bootstrap;

import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a port's stage, on a thread that may wait: a starting server's, a command line's; never an event loop. */
public final class Blocking {

    private Blocking() {
    }

    /**
     * The stage's value; its failure rethrown as it is (wrapped only when checked); a stage that
     * takes longer than {@code wait}, or an interrupt, is an {@link IllegalStateException}.
     *
     * @param during what was waited for, to end the messages ({@code "at start-up"})
     */
    public static <T> T await(CompletionStage<T> stage, Duration wait, String during) {
        try {
            return stage.toCompletableFuture().get(wait.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new CompletionException(cause);
        } catch (TimeoutException slow) {
            throw new IllegalStateException("storage did not answer within " + wait.toSeconds() + " s " + during);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted " + during);
        }
    }
}

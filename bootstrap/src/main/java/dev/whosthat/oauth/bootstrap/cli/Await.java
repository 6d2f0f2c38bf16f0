package dev.whosthat.oauth.bootstrap.cli;

import dev.whosthat.oauth.bootstrap.Blocking;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/** A command runs on the main thread, never an event loop: it may wait for a port's stage. */
final class Await {

    /** Password hashing is slow by design; storage calls time out much sooner on their own. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    private Await() {
    }

    static <T> T result(CompletionStage<T> stage) {
        return Blocking.await(stage, WAIT, "for the command");
    }
}

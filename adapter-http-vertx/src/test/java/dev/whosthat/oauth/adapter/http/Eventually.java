package dev.whosthat.oauth.adapter.http;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Repeats a request until its reply passes, for waiting out a throttling window without guessing its end. */
public final class Eventually {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private Eventually() {
    }

    public static Reply until(Predicate<Reply> passes, Supplier<Reply> request) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        Reply reply = request.get();
        while (!passes.test(reply) && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            reply = request.get();
        }
        return reply;
    }
}

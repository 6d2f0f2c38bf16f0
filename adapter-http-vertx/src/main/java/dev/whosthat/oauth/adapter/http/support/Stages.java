package dev.whosthat.oauth.adapter.http.support;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** Brings a use case's stage back to the request's event loop, and its failures to the failure handler. */
public final class Stages {

    private Stages() {
    }

    /**
     * Hands the stage's value to {@code then} on the request's event loop. Called by a handler, on
     * that event loop, as its last step: a stage that is already complete (the memory adapters
     * complete every one before they return) is handed over at once, without a Vert.x future, a
     * callback and a dispatch for it.
     */
    @SuppressWarnings("unchecked")
    public static <T> void onEventLoop(RoutingContext ctx, CompletionStage<T> stage, Consumer<T> then) {
        // A plain CompletableFuture only: its subclasses (the minimal stage among them) may refuse getNow().
        if (stage.getClass() == CompletableFuture.class && ((CompletableFuture<T>) stage).isDone()) {
            T value;
            try {
                // Done: its value or its failure, without waiting (and null is a value, a Void stage's).
                value = ((CompletableFuture<T>) stage).getNow(null);
            } catch (CompletionException | CancellationException failed) {
                ctx.fail(failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed);
                return;
            }
            deliver(ctx, value, then);
            return;
        }
        Future.fromCompletionStage(stage, ctx.vertx().getOrCreateContext()).onComplete(result -> {
            if (result.succeeded()) {
                deliver(ctx, result.result(), then);
            } else {
                ctx.fail(result.cause());
            }
        });
    }

    private static <T> void deliver(RoutingContext ctx, T value, Consumer<T> then) {
        try {
            then.accept(value);
        } catch (RuntimeException bug) {
            ctx.fail(bug);
        }
    }
}

package dev.whosthat.oauth.adapter.http.support;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** Brings a use case's stage back to the request's event loop, and its failures to the failure handler. */
public final class Stages {

    private Stages() {
    }

    public static <T> void onEventLoop(RoutingContext ctx, CompletionStage<T> stage, Consumer<T> then) {
        Future.fromCompletionStage(stage, ctx.vertx().getOrCreateContext()).onComplete(result -> {
            if (result.succeeded()) {
                try {
                    then.accept(result.result());
                } catch (RuntimeException bug) {
                    ctx.fail(bug);
                }
            } else {
                ctx.fail(result.cause());
            }
        });
    }
}

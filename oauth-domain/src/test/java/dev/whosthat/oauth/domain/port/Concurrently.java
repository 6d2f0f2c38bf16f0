package dev.whosthat.oauth.domain.port;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs calls on many threads released at the same instant, and collects what their stages yield. */
public final class Concurrently {

    public static final int THREADS = 16;

    private Concurrently() {
    }

    /** Calls {@code call.apply(i)} for i in [0, threads) at once; returns the results in index order. */
    public static <T> List<T> run(int threads, IntFunction<? extends CompletionStage<T>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.apply(index).toCompletableFuture().get(5, TimeUnit.SECONDS);
                }));
            }
            ready.await(5, TimeUnit.SECONDS);
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(10, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}

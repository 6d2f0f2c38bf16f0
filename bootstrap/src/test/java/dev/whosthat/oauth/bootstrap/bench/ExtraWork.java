package dev.whosthat.oauth.bootstrap.bench;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Work the ceiling can be told to do per request, to learn what kind of work costs a request more
 * than its own time: {@code -Dceiling.spinIterations=N} computes for a while and touches no memory,
 * {@code -Dceiling.garbageBytes=N} allocates about N bytes of short-lived 96-byte arrays. Neither
 * is set for the benchmark's ceiling.
 */
final class ExtraWork {

    private static final int GARBAGE_ARRAY_BYTES = 96;
    /** Arrays are kept here a little while, so that the JIT cannot prove them unused and drop them. */
    private static final Object[] RECENT = new Object[16];

    private final int spinIterations;
    private final int garbageArrays;
    private int next;
    /** Read back into the answer's path, so that the spin is not dead code either. */
    private long spun;

    private ExtraWork(int spinIterations, int garbageBytes) {
        this.spinIterations = spinIterations;
        this.garbageArrays = garbageBytes / GARBAGE_ARRAY_BYTES;
    }

    static ExtraWork fromProperties() {
        return new ExtraWork(Integer.getInteger("ceiling.spinIterations", 0), Integer.getInteger("ceiling.garbageBytes", 0));
    }

    /** {@code answer}, after this work; {@code answer} itself when there is none. */
    Handler<RoutingContext> before(Handler<RoutingContext> answer) {
        if (spinIterations == 0 && garbageArrays == 0) {
            return answer;
        }
        return ctx -> {
            work();
            if (spun == 42) {
                ctx.response().putHeader("x-spun", "42");
            }
            answer.handle(ctx);
        };
    }

    private void work() {
        for (int i = 0; i < garbageArrays; i++) {
            // 16 bytes of array header and 80 of payload: 96 bytes of heap each.
            byte[] array = new byte[GARBAGE_ARRAY_BYTES - 16];
            array[i & 63] = (byte) i;
            RECENT[next++ & (RECENT.length - 1)] = array;
        }
        long x = spun;
        for (int i = 0; i < spinIterations; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
        }
        spun = x;
    }
}

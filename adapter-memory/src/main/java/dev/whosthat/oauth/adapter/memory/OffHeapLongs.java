package dev.whosthat.oauth.adapter.memory;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * Zeroed longs outside the collected heap, which their owner frees as soon as it is done with them.
 *
 * <p>A direct buffer's memory is otherwise freed only after a collection finds its buffer object
 * unreachable, and a long-lived segment's buffer is in the old generation, which a young collection
 * never looks at: doubled-away memory would pile up until the next concurrent cycle. The JDK frees
 * it at once through {@code sun.misc.Unsafe.invokeCleaner} (module {@code jdk.unsupported}, there
 * since Java 9 and used by Netty and Lucene for this very purpose). Where that is missing, freeing
 * is left to the collector, which is slower to give memory back but just as correct.
 *
 * <p>Accesses are bounds-checked by {@link LongBuffer}: a wrong index throws, it never reads or
 * writes memory that is not ours. Freeing is the one unchecked step, so the owner frees only
 * memory that nothing can read again (see {@link TokenTable}).
 */
final class OffHeapLongs {

    private static final MethodHandle FREE = freeingHandle();

    private final ByteBuffer memory;
    private final LongBuffer longs;

    private OffHeapLongs(ByteBuffer memory) {
        this.memory = memory;
        this.longs = memory.asLongBuffer();
    }

    /** {@code count} longs, all zero. */
    static OffHeapLongs allocate(int count) {
        return new OffHeapLongs(ByteBuffer.allocateDirect(Math.multiplyExact(count, Long.BYTES)).order(ByteOrder.nativeOrder()));
    }

    LongBuffer longs() {
        return longs;
    }

    /** Gives the memory back now; neither this nor {@link #longs()} may be used afterwards. */
    void free() {
        if (FREE == null) {
            return;
        }
        try {
            FREE.invokeExact(memory);
        } catch (Throwable e) {
            throw new IllegalStateException("could not free a direct buffer", e);
        }
    }

    /** Whether {@link #free()} gives memory back at once, rather than leaving it to the collector. */
    static boolean freesAtOnce() {
        return FREE != null;
    }

    private static MethodHandle freeingHandle() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            MethodHandle cleaner = MethodHandles.lookup().findVirtual(unsafeClass, "invokeCleaner",
                    MethodType.methodType(void.class, ByteBuffer.class));
            return cleaner.bindTo(field.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}

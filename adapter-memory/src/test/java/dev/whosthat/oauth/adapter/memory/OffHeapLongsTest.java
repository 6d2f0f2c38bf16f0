package dev.whosthat.oauth.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.LongBuffer;
import org.junit.jupiter.api.Test;

class OffHeapLongsTest {

    private static final int SIXTY_FOUR_MIB_OF_LONGS = 8 << 20;

    @Test
    void newMemoryIsZeroedAndHoldsWhatIsWritten() {
        OffHeapLongs memory = OffHeapLongs.allocate(1_000);
        LongBuffer longs = memory.longs();

        assertThat(longs.capacity()).isEqualTo(1_000);
        for (int i = 0; i < 1_000; i++) {
            assertThat(longs.get(i)).isZero();
        }
        longs.put(999, Long.MIN_VALUE);
        longs.put(0, -1L);
        assertThat(longs.get(999)).isEqualTo(Long.MIN_VALUE);
        assertThat(longs.get(0)).isEqualTo(-1L);
        memory.free();
    }

    @Test
    void accessesOutsideTheMemoryThrowInsteadOfTouchingIt() {
        OffHeapLongs memory = OffHeapLongs.allocate(10);

        assertThatThrownBy(() -> memory.longs().get(10)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> memory.longs().put(-1, 1L)).isInstanceOf(IndexOutOfBoundsException.class);
        memory.free();
    }

    @Test
    void freeingGivesTheMemoryBackAtOnceWithoutACollection() {
        // The JDKs we run on all have it: if this fails, doubled segments would wait for the collector.
        assertThat(OffHeapLongs.freesAtOnce()).isTrue();
        OffHeapLongs memory = OffHeapLongs.allocate(SIXTY_FOUR_MIB_OF_LONGS);
        long held = directMemoryUsed();

        memory.free();

        // Within a mebibyte: nothing else in this module allocates direct memory, but the JDK may.
        assertThat(held - directMemoryUsed()).isCloseTo((long) SIXTY_FOUR_MIB_OF_LONGS * Long.BYTES, within(1L << 20));
    }

    private static long directMemoryUsed() {
        return ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class).stream()
                .filter(pool -> pool.getName().equals("direct"))
                .mapToLong(BufferPoolMXBean::getMemoryUsed)
                .sum();
    }
}

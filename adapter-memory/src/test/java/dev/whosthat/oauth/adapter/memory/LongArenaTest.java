package dev.whosthat.oauth.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LongArenaTest {

    private static final int UNIT = 3;

    private final LongArena arena = new LongArena(UNIT);

    @Test
    void blocksHaveTheirOrdersSizeAndStartZeroed() {
        for (int order = 0; order <= LongArena.MAX_ORDER; order++) {
            LongArena.Block block = arena.allocate(order);

            assertThat(block.length()).isEqualTo(UNIT << order);
            assertThat(allZero(block)).isTrue();
        }
    }

    @Test
    void blocksNeverOverlap() {
        Random random = new Random(7);
        List<LongArena.Block> blocks = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            LongArena.Block block = arena.allocate(random.nextInt(6));
            fill(block, i);
            blocks.add(block);
        }

        for (int i = 0; i < blocks.size(); i++) {
            LongArena.Block block = blocks.get(i);
            for (int at = block.base(); at < block.base() + block.length(); at++) {
                assertThat(block.array()[at]).isEqualTo(i);
            }
        }
    }

    @Test
    void aFreedBlockComesBackZeroed() {
        LongArena.Block block = arena.allocate(2);
        fill(block, 99);

        arena.free(block);

        LongArena.Block again = arena.allocate(2);
        assertThat(again.base()).isEqualTo(block.base());
        assertThat(allZero(again)).isTrue();
    }

    @Test
    void freedBuddiesMergeBackIntoAWholeSlab() {
        List<LongArena.Block> smallest = new ArrayList<>();
        for (int i = 0; i < 1 << LongArena.MAX_ORDER; i++) {
            smallest.add(arena.allocate(0));
        }
        assertThat(arena.slabs()).isOne();

        // Freed in an order that makes merging wait for the last buddy of every pair.
        for (int i = 0; i < smallest.size(); i += 2) {
            arena.free(smallest.get(i));
        }
        for (int i = 1; i < smallest.size(); i += 2) {
            arena.free(smallest.get(i));
        }

        arena.allocate(LongArena.MAX_ORDER);
        assertThat(arena.slabs()).isOne();
    }

    @Test
    void segmentsDoublingInTurnReuseWhatTheyLeaveBehind() {
        // 64 segments doubling one after the other up to half a slab each, as a growing table does.
        int segments = 64;
        LongArena.Block[] held = new LongArena.Block[segments];
        for (int i = 0; i < segments; i++) {
            held[i] = arena.allocate(0);
        }
        for (int order = 1; order < LongArena.MAX_ORDER; order++) {
            for (int i = 0; i < segments; i++) {
                LongArena.Block bigger = arena.allocate(order);
                arena.free(held[i]);
                held[i] = bigger;
            }
        }

        // All hold half a slab at the end: 32 slabs' worth, and the merged leftovers fit in a few more.
        assertThat(arena.slabs()).isBetween(32, 34);
    }

    @Test
    void blocksLargerThanASlabAreTheirOwn() {
        LongArena.Block huge = arena.allocate(LongArena.MAX_ORDER + 2);

        assertThat(huge.length()).isEqualTo(UNIT << (LongArena.MAX_ORDER + 2));
        assertThat(allZero(huge)).isTrue();
        assertThat(arena.slabs()).isZero();
        arena.free(huge);
        assertThat(arena.slabs()).isZero();
    }

    private static void fill(LongArena.Block block, long value) {
        Arrays.fill(block.array(), block.base(), block.base() + block.length(), value);
    }

    private static boolean allZero(LongArena.Block block) {
        for (int at = block.base(); at < block.base() + block.length(); at++) {
            if (block.array()[at] != 0) {
                return false;
            }
        }
        return true;
    }
}

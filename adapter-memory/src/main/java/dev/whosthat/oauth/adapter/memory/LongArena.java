package dev.whosthat.oauth.adapter.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Blocks of zeroed longs in sizes that double, carved out of large {@code long[]} slabs that are
 * kept for reuse: a buddy allocator. Freed blocks merge with their free buddies into larger ones,
 * so the blocks a doubling segment leaves behind serve the next doublings.
 *
 * <p>Why: a segment that doubles into a new array of its own hands the young collection an array
 * it must copy, then copy again into the old generation. Under the rotating refresh grant that was
 * some 15 MB a collection, half of every pause, while the arrays left behind piled up in the old
 * generation (docs/adr/0010). A slab is copied once or twice when it is new, then stays in the old
 * generation for good; blocks come and go inside it and the collector never sees them.
 *
 * <p>Why not memory outside the heap: it was tried. Direct buffers cost a call per access that the
 * compiler would not inline at the depth of a request, and freed memory went back to the kernel
 * only to fault in again on the next allocation; a token request cost 7 to 12% more than with
 * arrays.
 *
 * <p>A block larger than a slab (a segment of more than {@code 16 << MAX_ORDER} slots, some tens of
 * millions of tokens in all) is an array of its own, left to the collector once freed.
 *
 * <p>Thread-safe: segments of one table grow concurrently, each under its own lock.
 */
final class LongArena {

    /**
     * A block: the longs of {@code array} from {@code base}, {@code length} of them, that is
     * {@code unitLongs << order}; {@code slab} says which slab of the arena it lies in.
     */
    record Block(long[] array, int base, int length, int slab, int order) {
    }

    /** The largest order a slab holds: a slab is {@code 1 << MAX_ORDER} of the smallest blocks. */
    static final int MAX_ORDER = 12;
    private static final int OWN = -1;

    private final int unitLongs;
    private final List<long[]> slabs = new ArrayList<>();
    /** Per order, the free blocks as {@code slab << 32 | unit}; lowest first, to keep slabs dense. */
    private final List<TreeSet<Long>> free = new ArrayList<>();

    /** {@code unitLongs}: the size of the smallest block; every block is that times a power of two. */
    LongArena(int unitLongs) {
        if (unitLongs <= 0 || (long) unitLongs << MAX_ORDER > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("unit of " + unitLongs + " longs");
        }
        this.unitLongs = unitLongs;
        for (int order = 0; order <= MAX_ORDER; order++) {
            free.add(new TreeSet<>());
        }
    }

    /** A zeroed block of {@code unitLongs << order} longs. */
    synchronized Block allocate(int order) {
        if (order > MAX_ORDER) {
            int length = Math.multiplyExact(unitLongs, 1 << order);
            return new Block(new long[length], 0, length, OWN, order);
        }
        int from = order;
        while (from <= MAX_ORDER && free.get(from).isEmpty()) {
            from++;
        }
        long key = from <= MAX_ORDER ? free.get(from).pollFirst() : newSlab();
        int slab = (int) (key >>> 32);
        int unit = (int) key;
        // Split down to the order asked for, leaving the upper halves free.
        for (int split = Math.min(from, MAX_ORDER); split > order; split--) {
            free.get(split - 1).add(keyOf(slab, unit + (1 << (split - 1))));
        }
        return new Block(slabs.get(slab), unit * unitLongs, unitLongs << order, slab, order);
    }

    /** Zeroes the block and takes it back; the block must not be used afterwards. */
    synchronized void free(Block block) {
        if (block.slab() == OWN) {
            return;
        }
        Arrays.fill(block.array(), block.base(), block.base() + block.length(), 0L);
        int unit = block.base() / unitLongs;
        int order = block.order();
        // Merge with the buddy for as long as it is free too.
        while (order < MAX_ORDER && free.get(order).remove(keyOf(block.slab(), unit ^ (1 << order)))) {
            unit &= ~(1 << order);
            order++;
        }
        free.get(order).add(keyOf(block.slab(), unit));
    }

    /** How many slabs this arena holds: they are never given back. */
    synchronized int slabs() {
        return slabs.size();
    }

    private long newSlab() {
        slabs.add(new long[unitLongs << MAX_ORDER]);
        return keyOf(slabs.size() - 1, 0);
    }

    private static long keyOf(int slab, int unit) {
        return (long) slab << 32 | unit;
    }
}

package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.Arrays;

/**
 * Token records keyed by their SHA-256 digest, held in primitive arrays: one record is
 * {@link #STRIDE} longs in its segment's block of a {@link LongArena}, with no object per token.
 *
 * <p>Why not a {@code ConcurrentHashMap} of records: a million live tokens were some ten million
 * small objects, and every young collection copied the tokens issued since the last one and scanned
 * the map's tables, which stalled the event loop for tens of milliseconds a few times a second under
 * issuing load. Arrays of longs hold no references, so the collector does not scan their contents,
 * and the arena's slabs, old and reused, are not copied either (docs/adr/0010).
 *
 * <p>Open addressing with linear probing and backward-shift deletion (no tombstones), in
 * {@link #SEGMENTS} segments chosen by the digest's first bits, each guarded by its own monitor.
 * Lookups compare digests with plain equality: the digest of a secret leaks nothing of it.
 */
final class TokenTable {

    /** Record layout: the digest's four words, then the token's fields, then {@link #META}. */
    static final int ISSUED_AT = 4;
    static final int EXPIRES_AT = 5;
    static final int GRANT_HIGH = 6;
    static final int GRANT_LOW = 7;
    static final int ATTRIBUTES = 8;
    static final int META = 9;
    static final int STRIDE = 10;

    /** Set in {@link #META} of every slot that holds a record; the other bits are the caller's. */
    static final long OCCUPIED = 1L;

    /**
     * Many small segments rather than a few large ones: a segment's arrays are copied by the young
     * collection after it doubles, and 1,024 segments keep each copy to a few hundred kilobytes
     * at a few million tokens, where 64 made it tens of megabytes (tens of milliseconds of pause).
     */
    private static final int SEGMENT_BITS = 10;
    static final int SEGMENTS = 1 << SEGMENT_BITS;
    /** A digest's segment is its first {@link #SEGMENT_BITS} bits. */
    static final int SEGMENT_SHIFT = Long.SIZE - SEGMENT_BITS;
    private static final int INITIAL_CAPACITY = 16;

    /**
     * Reads a record in place, under its segment's lock; {@code side} is the record's side object or
     * null. The record is the {@link #STRIDE} longs of {@code slots} from {@code at}: the array is a
     * slab that other segments' records share, under their own locks, so read nothing else of it
     * and keep no reference to it.
     */
    interface Reader<T> {
        T read(long[] slots, int at, Object side);
    }

    /** Judges a record in place, under its segment's lock, on the terms of {@link Reader}. */
    interface Filter {
        boolean test(long[] slots, int at, Object side);
    }

    private static final class Segment {
        /**
         * The load at which this segment doubles: from 3/8 to 3/4 across segments, a factor of two
         * (linear probing slows down past 3/4). Digests spread evenly, so segments of one load
         * factor would all double within a few thousand tokens of each other: at a million tokens,
         * 170 MB of new arrays at once, which the next young collections must copy, for a quarter
         * of a second on one core. Staggered over a whole doubling, one segment doubles at a time,
         * evenly spaced, whatever the number of tokens.
         */
        final double maxLoad;
        LongArena.Block memory;
        /**
         * Taken from {@link #memory} when the segment moves into it, for the look-ups: its array,
         * where its slots start, and their number less one.
         */
        long[] slots;
        int base;
        int mask;
        /** One object per slot, only for the rare record that cannot be all longs; null until then. */
        Object[] sides;
        int size;
        /** Counts removals and growths, the changes that move records to other slots. */
        int moves;

        Segment(int index, LongArena arena) {
            maxLoad = 0.375 * (1 + (double) index / SEGMENTS);
            use(arena.allocate(0));
        }

        void use(LongArena.Block block) {
            memory = block;
            slots = block.array();
            base = block.base();
            mask = block.length() / STRIDE - 1;
        }

        boolean isFull() {
            return size > (mask + 1) * maxLoad;
        }
    }

    /** Where every segment's slots come from, and where a doubling segment leaves its old ones. */
    private final LongArena arena = new LongArena(INITIAL_CAPACITY * STRIDE);
    private final Segment[] segments = new Segment[SEGMENTS];
    private final Object sweepLock = new Object();
    /** Where the next {@link #removeIf} resumes: a segment, and a slot in it. */
    private int sweepSegment;
    private int sweepSlot;
    /** The cursor's segment's {@code moves} when the cursor stopped inside it. */
    private int sweepMoves;
    private volatile int laps;

    TokenTable() {
        Arrays.setAll(segments, index -> new Segment(index, arena));
    }

    /**
     * Stores a record, replacing one with the same digest. {@code fields} are the longs at
     * {@link #ISSUED_AT} to {@link #META}; {@link #OCCUPIED} is set here.
     */
    void put(SecretDigest digest, long[] fields, Object side) {
        long w0 = digest.word(0);
        long w1 = digest.word(1);
        long w2 = digest.word(2);
        long w3 = digest.word(3);
        Segment segment = segmentOf(w0);
        synchronized (segment) {
            int found = indexOf(segment, w0, w1, w2, w3);
            int slot = found >= 0 ? found : -1 - found;
            int at = at(segment, slot);
            long[] slots = segment.slots;
            slots[at] = w0;
            slots[at + 1] = w1;
            slots[at + 2] = w2;
            slots[at + 3] = w3;
            System.arraycopy(fields, 0, slots, at + ISSUED_AT, STRIDE - ISSUED_AT);
            slots[at + META] |= OCCUPIED;
            setSide(segment, slot, side);
            if (found < 0) {
                segment.size++;
                if (segment.isFull()) {
                    grow(segment);
                }
            }
        }
    }

    /** The reader's view of the record with this digest, or null if there is none. */
    <T> T get(SecretDigest digest, Reader<T> reader) {
        return atSlotOf(digest, (segment, slot) -> reader.read(segment.slots, at(segment, slot), sideOf(segment, slot)));
    }

    boolean contains(SecretDigest digest) {
        return get(digest, (slots, at, side) -> Boolean.TRUE) != null;
    }

    /** Removes the record with this digest; {@code false} if there was none. */
    boolean remove(SecretDigest digest) {
        return atSlotOf(digest, (segment, slot) -> {
            removeAt(segment, slot);
            return Boolean.TRUE;
        }) != null;
    }

    /**
     * Removes the record with this digest, and says whether there was one that {@code counted}
     * accepts (a record the caller treats as gone already is removed, but not reported).
     */
    boolean remove(SecretDigest digest, Filter counted) {
        return Boolean.TRUE.equals(atSlotOf(digest, (segment, slot) -> {
            boolean counts = counted.test(segment.slots, at(segment, slot), sideOf(segment, slot));
            removeAt(segment, slot);
            return counts;
        }));
    }

    /** Clears then sets bits of the record's {@link #META}; {@code false} if there is no such record. */
    boolean updateMeta(SecretDigest digest, long clear, long set) {
        return atSlotOf(digest, (segment, slot) -> {
            int at = at(segment, slot) + META;
            segment.slots[at] = (segment.slots[at] & ~clear) | set | OCCUPIED;
            return Boolean.TRUE;
        }) != null;
    }

    private interface SlotAction<T> {
        T apply(Segment segment, int slot);
    }

    /** What {@code action} makes of the slot holding this digest, under its segment's lock; null if there is none. */
    private <T> T atSlotOf(SecretDigest digest, SlotAction<T> action) {
        long w0 = digest.word(0);
        Segment segment = segmentOf(w0);
        synchronized (segment) {
            int slot = indexOf(segment, w0, digest.word(1), digest.word(2), digest.word(3));
            return slot < 0 ? null : action.apply(segment, slot);
        }
    }

    /** Shows every record to the visitor, one segment at a time (a scan, for rare administrative work). */
    void forEach(Filter visitor) {
        for (Segment segment : segments) {
            synchronized (segment) {
                for (int slot = 0; slot <= segment.mask; slot++) {
                    if (isOccupied(segment, slot)) {
                        visitor.test(segment.slots, at(segment, slot), sideOf(segment, slot));
                    }
                }
            }
        }
    }

    /**
     * Removes up to {@code limit} records the filter accepts, and returns how many it removed. Each
     * call resumes where the previous one stopped and ends after one lap of the table at most, so a
     * sweep in rounds costs one pass over the table, however many rounds it takes.
     */
    int removeIf(Filter filter, int limit) {
        synchronized (sweepLock) {
            resumeWhereNothingMoved();
            int startSegment = sweepSegment;
            int startSlot = sweepSlot;
            boolean lapped = false;
            int removed = 0;
            while (removed < limit) {
                Segment segment = segments[sweepSegment];
                boolean last = lapped && sweepSegment == startSegment;
                synchronized (segment) {
                    int end = last ? Math.min(startSlot, segment.mask + 1) : segment.mask + 1;
                    while (sweepSlot < end && removed < limit) {
                        if (isOccupied(segment, sweepSlot)
                                && filter.test(segment.slots, at(segment, sweepSlot), sideOf(segment, sweepSlot))) {
                            // A backward shift may move a later record into this slot: look at it again.
                            removeAt(segment, sweepSlot);
                            removed++;
                        } else {
                            sweepSlot++;
                        }
                    }
                    if (sweepSlot < end || last) {
                        sweepMoves = segment.moves;
                        return removed;
                    }
                }
                sweepSegment = (sweepSegment + 1) % SEGMENTS;
                sweepSlot = 0;
                if (sweepSegment == 0) {
                    laps++;
                }
                lapped |= sweepSegment == startSegment;
            }
            return removed;
        }
    }

    /**
     * Between two calls, a removal or a growth may have moved a record of the cursor's segment from
     * after the cursor to before it, where this lap would never see it: the segment is then looked
     * at again from its first slot.
     */
    private void resumeWhereNothingMoved() {
        Segment segment = segments[sweepSegment];
        synchronized (segment) {
            if (segment.moves != sweepMoves) {
                sweepSlot = 0;
            }
        }
    }

    /**
     * How many times {@link #removeIf} has passed the end of the table. Once this has grown by two
     * since some moment, a whole pass has begun and ended after it.
     */
    int laps() {
        return laps;
    }

    int size() {
        int size = 0;
        for (Segment segment : segments) {
            synchronized (segment) {
                size += segment.size;
            }
        }
        return size;
    }

    private Segment segmentOf(long w0) {
        return segments[(int) (w0 >>> SEGMENT_SHIFT)];
    }

    /** Where the slot's record starts in its segment's array. */
    private static int at(Segment segment, int slot) {
        return segment.base + slot * STRIDE;
    }

    /** The record's home slot: digests are uniform, so any of their bits will do. */
    private static int home(long w1, int mask) {
        return (int) w1 & mask;
    }

    /** The slot holding this digest, or {@code -1 - slot} of the free slot where it would go. */
    private static int indexOf(Segment segment, long w0, long w1, long w2, long w3) {
        long[] slots = segment.slots;
        int mask = segment.mask;
        for (int slot = home(w1, mask); ; slot = (slot + 1) & mask) {
            int at = at(segment, slot);
            if ((slots[at + META] & OCCUPIED) == 0) {
                return -1 - slot;
            }
            if (slots[at] == w0 && slots[at + 1] == w1 && slots[at + 2] == w2 && slots[at + 3] == w3) {
                return slot;
            }
        }
    }

    private static boolean isOccupied(Segment segment, int slot) {
        return (segment.slots[at(segment, slot) + META] & OCCUPIED) != 0;
    }

    private static Object sideOf(Segment segment, int slot) {
        return segment.sides == null ? null : segment.sides[slot];
    }

    private static void setSide(Segment segment, int slot, Object side) {
        if (side != null && segment.sides == null) {
            segment.sides = new Object[segment.mask + 1];
        }
        if (segment.sides != null) {
            segment.sides[slot] = side;
        }
    }

    /**
     * Empties the slot, then walks the probe run after it and moves back every record whose home
     * lies at or before the hole, so that no lookup ever meets a gap before its record.
     */
    private static void removeAt(Segment segment, int slot) {
        long[] slots = segment.slots;
        int mask = segment.mask;
        int hole = slot;
        for (int next = (hole + 1) & mask; isOccupied(segment, next); next = (next + 1) & mask) {
            int home = home(slots[at(segment, next) + 1], mask);
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                System.arraycopy(slots, at(segment, next), slots, at(segment, hole), STRIDE);
                if (segment.sides != null) {
                    segment.sides[hole] = segment.sides[next];
                }
                hole = next;
            }
        }
        Arrays.fill(slots, at(segment, hole), at(segment, hole) + STRIDE, 0L);
        if (segment.sides != null) {
            segment.sides[hole] = null;
        }
        segment.size--;
        segment.moves++;
    }

    private void grow(Segment segment) {
        segment.moves++;
        LongArena.Block oldMemory = segment.memory;
        long[] old = segment.slots;
        int oldBase = segment.base;
        int oldCapacity = segment.mask + 1;
        Object[] oldSides = segment.sides;
        segment.use(arena.allocate(oldMemory.order() + 1));
        segment.sides = oldSides == null ? null : new Object[segment.mask + 1];
        for (int slot = 0; slot < oldCapacity; slot++) {
            int at = oldBase + slot * STRIDE;
            if ((old[at + META] & OCCUPIED) != 0) {
                int free = -1 - indexOf(segment, old[at], old[at + 1], old[at + 2], old[at + 3]);
                System.arraycopy(old, at, segment.slots, at(segment, free), STRIDE);
                if (oldSides != null) {
                    segment.sides[free] = oldSides[slot];
                }
            }
        }
        // Under the segment's lock, which every reader of the old slots held too: none is left.
        arena.free(oldMemory);
    }
}

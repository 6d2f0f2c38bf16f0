package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.token.SecretDigest;
import java.nio.LongBuffer;
import java.util.Arrays;

/**
 * Token records keyed by their SHA-256 digest, held outside the collected heap: one record is
 * {@link #STRIDE} longs in its segment's {@link OffHeapLongs}, with no object per token.
 *
 * <p>Why not a {@code ConcurrentHashMap} of records: a million live tokens were some ten million
 * small objects, and every young collection copied the tokens issued since the last one and scanned
 * the map's tables, which stalled the event loop for tens of milliseconds a few times a second under
 * issuing load. Why not {@code long[]} either, which held them before: the collector does not scan
 * their contents, but it copied every array a doubling segment had just made, some 15 MB per young
 * collection under rotating load, and the old generation grew with every token (docs/adr/0010).
 * Off the heap, the collector sees one small buffer object per segment, and a segment's old memory
 * is freed at once when it doubles.
 *
 * <p>Records are read and written only under their segment's lock, and the buffers handed to a
 * {@link Reader} or {@link Filter} must not be kept past the call: a doubling frees them.
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
     * Reads a record in place, under its segment's lock; {@code side} is the record's side object
     * or null. The record is the longs of {@code slots} from {@code at}; keep no reference to them.
     */
    interface Reader<T> {
        T read(LongBuffer slots, int at, Object side);
    }

    /** Judges a record in place, under its segment's lock; keep no reference to {@code slots}. */
    interface Filter {
        boolean test(LongBuffer slots, int at, Object side);
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
        OffHeapLongs memory = OffHeapLongs.allocate(INITIAL_CAPACITY * STRIDE);
        /** The view of {@link #memory} every read and write goes through. */
        LongBuffer slots = memory.longs();
        /** One object per slot, only for the rare record that cannot be all longs; null until then. */
        Object[] sides;
        int mask = INITIAL_CAPACITY - 1;
        int size;
        /** Counts removals and growths, the changes that move records to other slots. */
        int moves;

        Segment(int index) {
            maxLoad = 0.375 * (1 + (double) index / SEGMENTS);
        }

        boolean isFull() {
            return size > (mask + 1) * maxLoad;
        }
    }

    private final Segment[] segments = new Segment[SEGMENTS];
    private final Object sweepLock = new Object();
    /** Where the next {@link #removeIf} resumes: a segment, and a slot in it. */
    private int sweepSegment;
    private int sweepSlot;
    /** The cursor's segment's {@code moves} when the cursor stopped inside it. */
    private int sweepMoves;
    private volatile int laps;

    TokenTable() {
        Arrays.setAll(segments, Segment::new);
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
            int at = slot * STRIDE;
            LongBuffer slots = segment.slots;
            slots.put(at, w0);
            slots.put(at + 1, w1);
            slots.put(at + 2, w2);
            slots.put(at + 3, w3);
            slots.put(at + ISSUED_AT, fields, 0, STRIDE - ISSUED_AT);
            slots.put(at + META, slots.get(at + META) | OCCUPIED);
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
        return atSlotOf(digest, (segment, slot) -> reader.read(segment.slots, slot * STRIDE, sideOf(segment, slot)));
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
            boolean counts = counted.test(segment.slots, slot * STRIDE, sideOf(segment, slot));
            removeAt(segment, slot);
            return counts;
        }));
    }

    /** Clears then sets bits of the record's {@link #META}; {@code false} if there is no such record. */
    boolean updateMeta(SecretDigest digest, long clear, long set) {
        return atSlotOf(digest, (segment, slot) -> {
            int at = slot * STRIDE + META;
            segment.slots.put(at, (segment.slots.get(at) & ~clear) | set | OCCUPIED);
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
                        visitor.test(segment.slots, slot * STRIDE, sideOf(segment, slot));
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
                                && filter.test(segment.slots, sweepSlot * STRIDE, sideOf(segment, sweepSlot))) {
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

    /** The record's home slot: digests are uniform, so any of their bits will do. */
    private static int home(long w1, int mask) {
        return (int) w1 & mask;
    }

    /** The slot holding this digest, or {@code -1 - slot} of the free slot where it would go. */
    private static int indexOf(Segment segment, long w0, long w1, long w2, long w3) {
        LongBuffer slots = segment.slots;
        int mask = segment.mask;
        for (int slot = home(w1, mask); ; slot = (slot + 1) & mask) {
            int at = slot * STRIDE;
            if ((slots.get(at + META) & OCCUPIED) == 0) {
                return -1 - slot;
            }
            if (slots.get(at) == w0 && slots.get(at + 1) == w1 && slots.get(at + 2) == w2 && slots.get(at + 3) == w3) {
                return slot;
            }
        }
    }

    private static boolean isOccupied(Segment segment, int slot) {
        return (segment.slots.get(slot * STRIDE + META) & OCCUPIED) != 0;
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
        LongBuffer slots = segment.slots;
        int mask = segment.mask;
        int hole = slot;
        for (int next = (hole + 1) & mask; isOccupied(segment, next); next = (next + 1) & mask) {
            int home = home(slots.get(next * STRIDE + 1), mask);
            if (((next - home) & mask) >= ((next - hole) & mask)) {
                slots.put(hole * STRIDE, slots, next * STRIDE, STRIDE);
                if (segment.sides != null) {
                    segment.sides[hole] = segment.sides[next];
                }
                hole = next;
            }
        }
        for (int at = hole * STRIDE; at < hole * STRIDE + STRIDE; at++) {
            slots.put(at, 0L);
        }
        if (segment.sides != null) {
            segment.sides[hole] = null;
        }
        segment.size--;
        segment.moves++;
    }

    private static void grow(Segment segment) {
        segment.moves++;
        OffHeapLongs oldMemory = segment.memory;
        LongBuffer old = segment.slots;
        int oldCapacity = segment.mask + 1;
        Object[] oldSides = segment.sides;
        int capacity = oldCapacity * 2;
        segment.memory = OffHeapLongs.allocate(capacity * STRIDE);
        segment.slots = segment.memory.longs();
        segment.sides = oldSides == null ? null : new Object[capacity];
        segment.mask = capacity - 1;
        for (int slot = 0; slot < oldCapacity; slot++) {
            int at = slot * STRIDE;
            if ((old.get(at + META) & OCCUPIED) != 0) {
                int free = -1 - indexOf(segment, old.get(at), old.get(at + 1), old.get(at + 2), old.get(at + 3));
                segment.slots.put(free * STRIDE, old, at, STRIDE);
                if (oldSides != null) {
                    segment.sides[free] = oldSides[slot];
                }
            }
        }
        // Under the segment's lock, which every reader of the old slots held too: none is left.
        oldMemory.free();
    }
}

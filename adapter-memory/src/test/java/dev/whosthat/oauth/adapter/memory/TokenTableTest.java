package dev.whosthat.oauth.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TokenTableTest {

    /** How many longs of a record the caller gives: {@link TokenTable#ISSUED_AT} to {@link TokenTable#META}. */
    private static final int FIELDS = TokenTable.STRIDE - TokenTable.ISSUED_AT;

    /**
     * Second words of colliding digests: -1 and -2 have their home at the last and next-to-last
     * slot at every capacity, 0 to 2 at the first slots, so the probe runs overlap and wrap around.
     */
    private static final long[] WRAPPING_HOMES = {-2, -2, -1, -1, 0, 0, 1, -2, 2, -1, 1};

    private final TokenTable table = new TokenTable();

    // --- finding -----------------------------------------------------------------------------

    @Test
    void emptyTableHoldsNothing() {
        SecretDigest digest = digest(3, 7, 1);

        assertThat(table.size()).isZero();
        assertThat(table.contains(digest)).isFalse();
        assertThat(table.<String>get(digest, (slots, at, side) -> "found")).isNull();
        assertThat(table.remove(digest)).isFalse();
        assertThat(table.updateMeta(digest, 0, 2)).isFalse();
    }

    @Test
    void storedRecordIsReadBackWithItsDigestAndFieldsAndTheOccupiedBit() {
        SecretDigest digest = digest(5, 9, 42);

        table.put(digest, fields(42), null);

        assertThat(table.size()).isEqualTo(1);
        assertThat(table.get(digest, TokenTableTest::digestOf)).isEqualTo(digest);
        assertThat(table.get(digest, TokenTableTest::fieldsOf)).containsExactly(withOccupied(fields(42)));
    }

    @Test
    void digestsDifferingInAnySingleWordAreDifferentKeys() {
        SecretDigest base = SecretDigest.fromWords(1L << TokenTable.SEGMENT_SHIFT, 5, 6, 7);
        List<SecretDigest> neighbours = List.of(SecretDigest.fromWords((1L << TokenTable.SEGMENT_SHIFT) | 1, 5, 6, 7),
                SecretDigest.fromWords(1L << TokenTable.SEGMENT_SHIFT, 5 | 1L << 40, 6, 7), SecretDigest.fromWords(1L << TokenTable.SEGMENT_SHIFT, 5, 16, 7),
                SecretDigest.fromWords(1L << TokenTable.SEGMENT_SHIFT, 5, 6, 17));

        table.put(base, fields(1), null);

        assertThat(neighbours).noneMatch(table::contains);
        for (int i = 0; i < neighbours.size(); i++) {
            table.put(neighbours.get(i), fields(100 + i), null);
        }
        assertThat(table.size()).isEqualTo(5);
        assertThat(table.get(base, TokenTableTest::fieldsOf)).containsExactly(withOccupied(fields(1)));
        for (int i = 0; i < neighbours.size(); i++) {
            assertThat(table.get(neighbours.get(i), TokenTableTest::fieldsOf)).containsExactly(withOccupied(fields(100 + i)));
        }
    }

    @Test
    void puttingAStoredDigestAgainReplacesItsFieldsAndKeepsTheSize() {
        SecretDigest digest = digest(0, 1, 1);
        table.put(digest, fields(1), null);

        table.put(digest, fields(2), null);

        assertThat(table.size()).isEqualTo(1);
        assertThat(table.get(digest, TokenTableTest::fieldsOf)).containsExactly(withOccupied(fields(2)));
    }

    @Test
    void thousandsOfRandomRecordsAreAllFoundIntactAfterEverySegmentGrew() {
        Random random = new Random(1);
        Map<SecretDigest, Long> stored = new LinkedHashMap<>();
        for (long n = 0; stored.size() < 20_000; n++) {
            SecretDigest digest = randomDigest(random);
            stored.put(digest, n);
            table.put(digest, fields(n), null);
        }

        assertThat(table.size()).isEqualTo(20_000);
        stored.forEach((digest, n) -> {
            assertThat(table.get(digest, TokenTableTest::fieldsOf)).containsExactly(withOccupied(fields(n)));
            assertThat(table.get(digest, TokenTableTest::digestOf)).isEqualTo(digest);
        });
        for (int i = 0; i < 1_000; i++) {
            SecretDigest unknown = randomDigest(random);
            assertThat(table.contains(unknown)).isEqualTo(stored.containsKey(unknown));
        }
    }

    @Test
    void recordsThatAllShareOneHomeSlotAreFoundThroughGrowth() {
        // Same segment, same second word: every record probes from the same home at every capacity.
        List<SecretDigest> digests = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            digests.add(digest(17, 0x5L, i));
            table.put(digests.get(i), fields(i), null);
        }

        assertThat(table.size()).isEqualTo(600);
        for (int i = 0; i < digests.size(); i++) {
            assertThat(table.get(digests.get(i), TokenTableTest::fieldsOf)).containsExactly(withOccupied(fields(i)));
        }
        assertThat(table.contains(digest(17, 0x5L, 600))).isFalse();
    }

    @Test
    void sizeCountsTheRecordsOfEverySegment() {
        for (int segment = 0; segment < TokenTable.SEGMENTS; segment++) {
            table.put(digest(segment, segment, 0), fields(segment), null);
            table.put(digest(segment, segment, 1), fields(segment), null);
        }

        assertThat(table.size()).isEqualTo(2 * TokenTable.SEGMENTS);
    }

    // --- removing ----------------------------------------------------------------------------

    @Test
    void removedRecordIsGoneAndCanBeStoredAgain() {
        SecretDigest digest = digest(8, 3, 3);
        table.put(digest, fields(3), null);

        assertThat(table.remove(digest)).isTrue();
        assertThat(table.contains(digest)).isFalse();
        assertThat(table.remove(digest)).isFalse();
        assertThat(table.size()).isZero();

        table.put(digest, fields(4), null);
        assertThat(table.get(digest, TokenTableTest::fieldsOf)).containsExactly(withOccupied(fields(4)));
    }

    @Test
    void removingAnyRecordOfACollidingRunLeavesEveryOtherRecordFindable() {
        // Homes (low bits of word 1) chosen so that the runs overlap and wrap from the segment's
        // last slots to its first, whatever its capacity.
        long[] homes = WRAPPING_HOMES;
        for (int removed = 0; removed < homes.length; removed++) {
            List<SecretDigest> digests = new ArrayList<>();
            TokenTable collisions = collidingRun(40, digests, i -> null);

            assertThat(collisions.remove(digests.get(removed))).isTrue();

            assertThat(collisions.contains(digests.get(removed))).as("removed record %d", removed).isFalse();
            assertThat(collisions.size()).isEqualTo(homes.length - 1);
            for (int i = 0; i < homes.length; i++) {
                if (i != removed) {
                    assertThat(collisions.get(digests.get(i), TokenTableTest::fieldsOf))
                            .as("record %d after removing record %d", i, removed)
                            .containsExactly(withOccupied(fields(i)));
                }
            }
        }
    }

    @Test
    void removingTheRecordsOfACollidingRunOneByOneInAnyOrderKeepsTheRestFindable() {
        long[] homes = WRAPPING_HOMES;
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            TokenTable collisions = new TokenTable();
            List<SecretDigest> remaining = new ArrayList<>();
            for (int i = 0; i < homes.length; i++) {
                remaining.add(digest(2, homes[i], i));
                collisions.put(remaining.get(i), fields(i), null);
            }
            Collections.shuffle(remaining, random);

            while (!remaining.isEmpty()) {
                SecretDigest removed = remaining.remove(remaining.size() - 1);
                assertThat(collisions.remove(removed)).isTrue();
                assertThat(collisions.contains(removed)).isFalse();
                assertThat(remaining).allMatch(collisions::contains);
                assertThat(collisions.size()).isEqualTo(remaining.size());
            }
        }
    }

    @Test
    void randomPutsAndRemovesInFewCrowdedSegmentsAgreeWithAMap() {
        Random random = new Random(11);
        Map<SecretDigest, Long> model = new HashMap<>();
        List<SecretDigest> keys = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            // Three segments, and second words from a small set so that homes collide at every capacity.
            keys.add(digest(random.nextInt(3), random.nextInt(40) * 0x1_0000_0001L, i));
        }

        for (long op = 0; op < 30_000; op++) {
            SecretDigest key = keys.get(random.nextInt(keys.size()));
            if (random.nextInt(5) < 3) {
                table.put(key, fields(op), null);
                model.put(key, op);
            } else {
                assertThat(table.remove(key)).isEqualTo(model.remove(key) != null);
            }
            if (op % 500 == 0) {
                assertAgreesWith(model, keys);
            }
        }
        assertAgreesWith(model, keys);
    }

    // --- meta bits -----------------------------------------------------------------------------

    @Test
    void updateMetaClearsThenSetsBitsAndLeavesTheOtherFieldsAlone() {
        SecretDigest digest = digest(9, 9, 9);
        long[] fields = fields(9);
        fields[FIELDS - 1] = 0b0_1110;
        table.put(digest, fields, null);

        assertThat(table.updateMeta(digest, 0b0_0110, 0b1_0100)).isTrue();

        long[] expected = fields.clone();
        expected[FIELDS - 1] = 0b1_1101;
        assertThat(table.get(digest, TokenTableTest::fieldsOf)).containsExactly(expected);
    }

    @Test
    void clearingTheOccupiedBitThroughUpdateMetaDoesNotLoseTheRecord() {
        SecretDigest digest = digest(9, 9, 9);
        table.put(digest, fields(9), null);

        table.updateMeta(digest, TokenTable.OCCUPIED | 0xffL, 0);

        assertThat(table.contains(digest)).isTrue();
        assertThat(table.size()).isEqualTo(1);
    }

    // --- side objects --------------------------------------------------------------------------

    @Test
    void segmentWithoutSideObjectsShowsNullSides() {
        SecretDigest digest = digest(1, 1, 1);
        table.put(digest, fields(1), null);

        assertThat(table.<List<Object>>get(digest, (slots, at, side) -> Arrays.asList(side))).containsExactly((Object) null);
    }

    @Test
    void sideObjectsFollowTheirRecordsThroughGrowth() {
        Random random = new Random(3);
        Map<SecretDigest, String> sides = new LinkedHashMap<>();
        for (int i = 0; i < 3_000; i++) {
            // Two segments only, so that each grows many times with sides in it.
            SecretDigest digest = digest(i % 2, random.nextLong(), i);
            String side = i % 3 == 0 ? "side-" + i : null;
            sides.put(digest, side);
            table.put(digest, fields(i), side);
        }

        sides.forEach((digest, side) -> assertThat(table.get(digest, TokenTableTest::sideOf)).isEqualTo(sideOrNone(side)));
    }

    @Test
    void sideObjectsFollowTheirRecordsThroughBackwardShifts() {
        long[] homes = WRAPPING_HOMES;
        for (int removed = 0; removed < homes.length; removed++) {
            List<SecretDigest> digests = new ArrayList<>();
            TokenTable collisions = collidingRun(63, digests, i -> i % 2 == 0 ? "side-" + i : null);

            collisions.remove(digests.get(removed));

            for (int i = 0; i < homes.length; i++) {
                if (i != removed) {
                    assertThat(collisions.get(digests.get(i), TokenTableTest::sideOf))
                            .as("side of record %d after removing record %d", i, removed)
                            .isEqualTo(sideOrNone(i % 2 == 0 ? "side-" + i : null));
                }
            }
        }
    }

    @Test
    void replacingARecordWithOneWithoutSideDropsTheOldSide() {
        SecretDigest digest = digest(4, 4, 4);
        table.put(digest, fields(1), "old side");

        table.put(digest, fields(2), null);

        assertThat(table.get(digest, TokenTableTest::sideOf)).isEqualTo("none");
    }

    @Test
    void aRecordStoredWhereARemovedOneWasDoesNotInheritItsSide() {
        SecretDigest first = digest(4, 6, 1);
        SecretDigest second = digest(4, 6, 2);
        table.put(first, fields(1), "side of first");
        table.remove(first);

        table.put(second, fields(2), null);

        assertThat(table.get(second, TokenTableTest::sideOf)).isEqualTo("none");
    }

    @Test
    void forEachAndRemoveIfShowTheFilterTheSideOfEachRecord() {
        for (int i = 0; i < 100; i++) {
            table.put(digest(i % 4, i, i), fields(i), i % 2 == 0 ? Long.valueOf(i) : null);
        }
        List<String> mismatches = new ArrayList<>();
        table.forEach((slots, at, side) -> {
            long n = slots[at + TokenTable.ISSUED_AT];
            if (!(n % 2 == 0 ? Long.valueOf(n).equals(side) : side == null)) {
                mismatches.add("record " + n + " has side " + side);
            }
            return true;
        });

        int removed = table.removeIf((slots, at, side) -> side != null, Integer.MAX_VALUE);

        assertThat(mismatches).isEmpty();
        assertThat(removed).isEqualTo(50);
        table.forEach((slots, at, side) -> {
            assertThat(side).isNull();
            return true;
        });
    }

    // --- forEach -------------------------------------------------------------------------------

    @Test
    void forEachShowsEveryRecordExactlyOnce() {
        Random random = new Random(5);
        Set<SecretDigest> stored = new HashSet<>();
        while (stored.size() < 5_000) {
            SecretDigest digest = randomDigest(random);
            stored.add(digest);
            table.put(digest, fields(stored.size()), null);
        }
        List<SecretDigest> shown = new ArrayList<>();

        table.forEach((slots, at, side) -> shown.add(digestOf(slots, at, side)));

        assertThat(shown).hasSize(5_000);
        assertThat(new HashSet<>(shown)).isEqualTo(stored);
    }

    // --- removeIf ------------------------------------------------------------------------------

    @Test
    void removeIfWithALimitRemovesExactlyThatManyMatchingRecords() {
        List<SecretDigest> matching = new ArrayList<>();
        List<SecretDigest> others = new ArrayList<>();
        fillEvenAndOdd(400, matching, others);

        int removed = table.removeIf(TokenTableTest::isEven, 17);

        assertThat(removed).isEqualTo(17);
        assertThat(table.size()).isEqualTo(400 - 17);
        assertThat(matching.stream().filter(table::contains)).hasSize(200 - 17);
        assertThat(others).allMatch(table::contains);
    }

    @Test
    void removeIfWithALimitOfZeroRemovesNothing() {
        fillEvenAndOdd(40, new ArrayList<>(), new ArrayList<>());

        assertThat(table.removeIf((slots, at, side) -> true, 0)).isZero();
        assertThat(table.size()).isEqualTo(40);
    }

    @Test
    void successiveLimitedCallsRemoveEveryMatchingRecordAndThenNothing() {
        List<SecretDigest> matching = new ArrayList<>();
        List<SecretDigest> others = new ArrayList<>();
        fillEvenAndOdd(1_000, matching, others);

        List<Integer> rounds = new ArrayList<>();
        for (int round = 0; round < 1_000; round++) {
            int removed = table.removeIf(TokenTableTest::isEven, 30);
            rounds.add(removed);
            if (removed < 30) {
                break;
            }
        }

        // 500 matching records: sixteen full rounds of 30, then the last 20 and the end of the lap.
        assertThat(rounds).hasSize(17).endsWith(20);
        assertThat(rounds.subList(0, 16)).containsOnly(30);
        assertThat(matching).noneMatch(table::contains);
        assertThat(others).allMatch(table::contains);
        assertThat(table.removeIf(TokenTableTest::isEven, 30)).isZero();
    }

    @Test
    void aLimitedCallResumesWhereThePreviousOneStopped() {
        // One record at the home slot of each of ten segments: the sweep meets them in segment order.
        List<SecretDigest> digests = new ArrayList<>();
        for (int segment = 0; segment < 10; segment++) {
            digests.add(digest(segment, 0, segment));
            table.put(digests.get(segment), fields(segment), null);
        }
        List<Long> removedOrder = new ArrayList<>();
        TokenTable.Filter all = (slots, at, side) -> removedOrder.add(slots[at + TokenTable.ISSUED_AT]);

        assertThat(table.removeIf(all, 3)).isEqualTo(3);
        // Put the first one back: a sweep that started over would take it before the others.
        table.put(digests.get(0), fields(0), null);
        assertThat(table.removeIf(all, 3)).isEqualTo(3);

        assertThat(removedOrder).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(table.contains(digests.get(0))).isTrue();
        // The next call goes on to the end of the table, then wraps around to the first segment.
        assertThat(table.removeIf(all, 100)).isEqualTo(5);
        assertThat(removedOrder).endsWith(6L, 7L, 8L, 9L, 0L);
        assertThat(table.size()).isZero();
    }

    @Test
    void removeIfTakesRecordsShiftedBackIntoTheSlotItJustEmptied() {
        // Eleven records with one home: each removal shifts the rest of the run back by one slot.
        List<SecretDigest> digests = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            digests.add(digest(12, 15, i));
            table.put(digests.get(i), fields(i), null);
        }

        assertThat(table.removeIf((slots, at, side) -> true, Integer.MAX_VALUE)).isEqualTo(11);

        assertThat(table.size()).isZero();
        assertThat(digests).noneMatch(table::contains);
    }

    @Test
    void removeIfInWrappingCollidingRunsLeavesTheRejectedRecordsFindable() {
        long[] homes = WRAPPING_HOMES;
        List<SecretDigest> digests = new ArrayList<>();
        for (int i = 0; i < homes.length; i++) {
            digests.add(digest(30, homes[i], i));
            table.put(digests.get(i), fields(i), null);
        }

        int removed = table.removeIf((slots, at, side) -> slots[at + TokenTable.ISSUED_AT] % 3 != 0, Integer.MAX_VALUE);

        assertThat(removed).isEqualTo(7);
        for (int i = 0; i < homes.length; i++) {
            assertThat(table.contains(digests.get(i))).as("record %d", i).isEqualTo(i % 3 == 0);
        }
        for (int i = 0; i < homes.length; i += 3) {
            assertThat(table.get(digests.get(i), TokenTableTest::fieldsOf)).containsExactly(withOccupied(fields(i)));
        }
    }

    @Test
    void aCallThatRemovesNothingShowsEachRecordOnceAndEnds() {
        // A lap is once over the table: the filter should judge no record twice in one call.
        for (int segment = 0; segment < TokenTable.SEGMENTS; segment++) {
            table.put(digest(segment, 1, segment), fields(segment), null);
        }

        assertEachRecordShownOnceByAFullSweepThatRemovesNothing(TokenTable.SEGMENTS);
    }

    @Test
    void aResumedCallThatRemovesNothingShowsEachRemainingRecordOnceAndEnds() {
        // Two records in each segment: the first call stops between the two records of segment 20.
        for (int segment = 0; segment < TokenTable.SEGMENTS; segment++) {
            table.put(digest(segment, 1, 2L * segment), fields(2L * segment), null);
            table.put(digest(segment, 9, 2L * segment + 1), fields(2L * segment + 1), null);
        }
        assertThat(table.removeIf((slots, at, side) -> true, 41)).isEqualTo(41);

        assertEachRecordShownOnceByAFullSweepThatRemovesNothing(2 * TokenTable.SEGMENTS - 41);
    }

    @Test
    void aRecordMovedBehindTheCursorBetweenTwoCallsIsStillSeenBeforeTheCursorLeavesItsSegment() {
        // Six records of segment 0 in one probe run from slot 0, and one record in segment 1.
        List<SecretDigest> run = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            run.add(digest(0, 0, i));
            table.put(run.get(i), fields(i), null);
        }
        SecretDigest later = digest(1, 0, 99);
        table.put(later, fields(99), null);
        // The first call removes record 3 and stops on slot 3, where record 4 has moved, not yet looked at.
        assertThat(table.removeIf(issuedAtOneOf(3), 1)).isEqualTo(1);
        // A removal behind the cursor shifts record 4 back to slot 2, before the cursor.
        assertThat(table.remove(run.get(1))).isTrue();

        assertThat(table.removeIf(issuedAtOneOf(4, 99), 1)).isEqualTo(1);

        assertThat(table.contains(run.get(4))).as("record 4, moved behind the cursor").isFalse();
        assertThat(table.contains(later)).as("the record of the next segment, not reached").isTrue();
    }

    private static TokenTable.Filter issuedAtOneOf(long... ids) {
        return (slots, at, side) -> java.util.stream.LongStream.of(ids).anyMatch(id -> slots[at + TokenTable.ISSUED_AT] == id);
    }

    private void assertEachRecordShownOnceByAFullSweepThatRemovesNothing(int records) {
        Map<Long, Integer> shown = new HashMap<>();

        int removed = table.removeIf((slots, at, side) -> {
            shown.merge(slots[at + TokenTable.ISSUED_AT], 1, Integer::sum);
            return false;
        }, Integer.MAX_VALUE);

        assertThat(removed).isZero();
        assertThat(shown).hasSize(records);
        assertThat(shownMoreThanOnce(shown)).as("records shown more than once, with how often").isEmpty();
    }

    // --- helpers -------------------------------------------------------------------------------

    /**
     * A digest in {@code segment} (the first bits of word 0), whose home slot is the low bits of
     * {@code w1}, told apart from others by {@code id}.
     */
    /** A table with one record per home of {@link #WRAPPING_HOMES}, all in one segment; their digests go to {@code digests}. */
    private static TokenTable collidingRun(int segment, List<SecretDigest> digests, java.util.function.IntFunction<Object> side) {
        TokenTable collisions = new TokenTable();
        for (int i = 0; i < WRAPPING_HOMES.length; i++) {
            digests.add(digest(segment, WRAPPING_HOMES[i], i));
            collisions.put(digests.get(i), fields(i), side.apply(i));
        }
        return collisions;
    }

    private static SecretDigest digest(int segment, long w1, long id) {
        return SecretDigest.fromWords((long) segment << TokenTable.SEGMENT_SHIFT | 0x0123_4567L, w1, id, ~id);
    }

    private static SecretDigest randomDigest(Random random) {
        return SecretDigest.fromWords(random.nextLong(), random.nextLong(), random.nextLong(), random.nextLong());
    }

    /** Distinct fields for record {@code n}; the meta word leaves bit 0 ({@link TokenTable#OCCUPIED}) to the table. */
    private static long[] fields(long n) {
        return new long[] {n, n + 1_000_000_007L, ~n, n * 31, -n, n << 8 | 0x80};
    }

    private static long[] withOccupied(long[] fields) {
        long[] copy = fields.clone();
        copy[FIELDS - 1] |= TokenTable.OCCUPIED;
        return copy;
    }

    private static long[] fieldsOf(long[] slots, int at, Object side) {
        return Arrays.copyOfRange(slots, at + TokenTable.ISSUED_AT, at + TokenTable.STRIDE);
    }

    private static SecretDigest digestOf(long[] slots, int at, Object side) {
        return SecretDigest.fromWords(slots[at], slots[at + 1], slots[at + 2], slots[at + 3]);
    }

    /** The side, or "none": a reader that returns null reads as "no record". */
    private static Object sideOf(long[] slots, int at, Object side) {
        return side == null ? "none" : side;
    }

    private static Object sideOrNone(String side) {
        return side == null ? "none" : side;
    }

    private static boolean isEven(long[] slots, int at, Object side) {
        return slots[at + TokenTable.ISSUED_AT] % 2 == 0;
    }

    /** {@code count} records spread over every segment; those with an even first field go to {@code even}. */
    private void fillEvenAndOdd(int count, List<SecretDigest> even, List<SecretDigest> odd) {
        Random random = new Random(count);
        for (int i = 0; i < count; i++) {
            SecretDigest digest = SecretDigest.fromWords(random.nextLong(), random.nextLong(), i, 0);
            table.put(digest, fields(i), null);
            (i % 2 == 0 ? even : odd).add(digest);
        }
    }

    private void assertAgreesWith(Map<SecretDigest, Long> model, List<SecretDigest> keys) {
        List<String> disagreements = new ArrayList<>();
        for (SecretDigest key : keys) {
            Long n = model.get(key);
            long[] found = table.get(key, TokenTableTest::fieldsOf);
            if (n == null ? found != null : !Arrays.equals(found, withOccupied(fields(n)))) {
                disagreements.add(key + ": expected " + n + ", found " + Arrays.toString(found));
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(table.size()).isEqualTo(model.size());
    }

    private static Map<Long, Integer> shownMoreThanOnce(Map<Long, Integer> shown) {
        Map<Long, Integer> repeated = new TreeMap<>();
        shown.forEach((record, times) -> {
            if (times > 1) {
                repeated.put(record, times);
            }
        });
        return repeated;
    }
}

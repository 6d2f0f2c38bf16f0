package dev.whosthat.oauth.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DigestListTest {

    private final DigestList list = new DigestList();

    @Test
    void newListIsEmpty() {
        assertThat(list.size()).isZero();
        assertThat(list.contains(digest(1))).isFalse();
        assertThat(listed()).isEmpty();
    }

    @Test
    void addedDigestsAreContainedAndListedInTheOrderTheyWereAdded() {
        List<SecretDigest> added = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            added.add(SecretDigest.of("token-" + i));
            list.add(added.get(i));
        }

        assertThat(list.size()).isEqualTo(1_000);
        assertThat(listed()).containsExactlyElementsOf(added);
        assertThat(added).allMatch(list::contains);
        assertThat(list.contains(SecretDigest.of("token-1000"))).isFalse();
    }

    @Test
    void containsComparesEveryWordNotOnlyTheFirst() {
        list.add(SecretDigest.fromWords(1, 2, 3, 4));

        assertThat(list.contains(SecretDigest.fromWords(1, 2, 3, 4))).isTrue();
        assertThat(list.contains(SecretDigest.fromWords(1, 9, 3, 4))).isFalse();
        assertThat(list.contains(SecretDigest.fromWords(1, 2, 9, 4))).isFalse();
        assertThat(list.contains(SecretDigest.fromWords(1, 2, 3, 9))).isFalse();
        assertThat(list.contains(SecretDigest.fromWords(9, 2, 3, 4))).isFalse();
    }

    @Test
    void digestsSharingTheirFirstWordAreToldApart() {
        list.add(SecretDigest.fromWords(7, 0, 0, 1));
        list.add(SecretDigest.fromWords(7, 0, 0, 2));

        assertThat(list.contains(SecretDigest.fromWords(7, 0, 0, 2))).isTrue();
        assertThat(list.contains(SecretDigest.fromWords(7, 0, 0, 3))).isFalse();
    }

    @Test
    void retainIfKeepsTheAcceptedDigestsInOrderAndForgetsTheOthers() {
        List<SecretDigest> kept = new ArrayList<>();
        List<SecretDigest> dropped = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            SecretDigest digest = digest(i);
            list.add(digest);
            (i % 3 == 0 ? kept : dropped).add(digest);
        }
        Set<SecretDigest> keep = Set.copyOf(kept);

        list.retainIf(keep::contains);

        assertThat(list.size()).isEqualTo(kept.size());
        assertThat(listed()).containsExactlyElementsOf(kept);
        assertThat(dropped).noneMatch(list::contains);
    }

    @Test
    void retainIfShowsThePredicateEveryDigestOnce() {
        List<SecretDigest> added = List.of(digest(1), digest(2), digest(3), digest(4));
        added.forEach(list::add);
        List<SecretDigest> shown = new ArrayList<>();

        list.retainIf(digest -> shown.add(digest) && digest.equals(digest(3)));

        assertThat(shown).containsExactlyElementsOf(added);
        assertThat(listed()).containsExactly(digest(3));
    }

    @Test
    void digestsAddedAfterRetainIfFollowTheKeptOnes() {
        for (int i = 0; i < 10; i++) {
            list.add(digest(i));
        }
        list.retainIf(digest -> digest.equals(digest(2)) || digest.equals(digest(7)));

        list.add(digest(20));
        list.add(digest(21));

        assertThat(listed()).containsExactly(digest(2), digest(7), digest(20), digest(21));
        assertThat(list.contains(digest(9))).isFalse();
    }

    @Test
    void retainingNothingEmptiesTheList() {
        list.add(digest(1));
        list.add(digest(2));

        list.retainIf(digest -> false);

        assertThat(list.size()).isZero();
        assertThat(list.contains(digest(1))).isFalse();
        assertThat(listed()).isEmpty();
    }

    @Test
    void clearEmptiesTheListWhichThenTakesNewDigests() {
        for (int i = 0; i < 50; i++) {
            list.add(digest(i));
        }

        list.clear();

        assertThat(list.size()).isZero();
        assertThat(list.contains(digest(0))).isFalse();
        list.add(digest(99));
        assertThat(listed()).containsExactly(digest(99));
    }

    @Test
    void aDigestAddedTwiceIsListedTwice() {
        list.add(digest(5));
        list.add(digest(5));

        assertThat(list.size()).isEqualTo(2);
        assertThat(listed()).containsExactly(digest(5), digest(5));
    }

    private List<SecretDigest> listed() {
        List<SecretDigest> listed = new ArrayList<>();
        list.forEach(listed::add);
        return listed;
    }

    private static SecretDigest digest(int n) {
        return SecretDigest.of("digest-" + n);
    }
}

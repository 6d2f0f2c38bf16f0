package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** The digests of one grant's tokens, as four longs each: one array, not two objects per digest. */
final class DigestList {

    private static final int WORDS = 4;

    private long[] words = new long[WORDS];
    private int size;

    void add(SecretDigest digest) {
        if ((size + 1) * WORDS > words.length) {
            words = Arrays.copyOf(words, words.length * 2);
        }
        for (int i = 0; i < WORDS; i++) {
            words[size * WORDS + i] = digest.word(i);
        }
        size++;
    }

    boolean contains(SecretDigest digest) {
        for (int index = 0; index < size; index++) {
            if (words[index * WORDS] == digest.word(0) && digest.equals(get(index))) {
                return true;
            }
        }
        return false;
    }

    int size() {
        return size;
    }

    void forEach(Consumer<SecretDigest> action) {
        for (int index = 0; index < size; index++) {
            action.accept(get(index));
        }
    }

    /** Keeps only the digests the predicate accepts. */
    void retainIf(Predicate<SecretDigest> keep) {
        int kept = 0;
        for (int index = 0; index < size; index++) {
            if (keep.test(get(index))) {
                System.arraycopy(words, index * WORDS, words, kept * WORDS, WORDS);
                kept++;
            }
        }
        Arrays.fill(words, kept * WORDS, size * WORDS, 0L);
        size = kept;
    }

    void clear() {
        words = new long[WORDS];
        size = 0;
    }

    private SecretDigest get(int index) {
        int at = index * WORDS;
        return SecretDigest.fromWords(words[at], words[at + 1], words[at + 2], words[at + 3]);
    }
}

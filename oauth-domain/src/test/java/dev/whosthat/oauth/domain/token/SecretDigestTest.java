package dev.whosthat.oauth.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretDigestTest {

    /** FIPS 180-2 test vector. */
    private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void isTheSha256OfTheUtf8Secret() {
        assertThat(SecretDigest.of("abc").hex()).isEqualTo(SHA256_OF_ABC);
        assertThat(SecretDigest.of("caf\u00e9")).isNotEqualTo(SecretDigest.of("cafe"));
    }

    @Test
    void matchesOnlyTheSecretItWasMadeFrom() {
        SecretDigest digest = SecretDigest.of("the secret");

        assertThat(digest.matches("the secret")).isTrue();
        assertThat(digest.matches("the secreT")).isFalse();
        assertThat(digest.matches("")).isFalse();
    }

    @Test
    void equalDigestsAreEqualWithEqualHashCodes() {
        SecretDigest one = SecretDigest.of("x");
        SecretDigest same = SecretDigest.fromHex(one.hex());

        assertThat(one).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(one).isEqualTo(SecretDigest.fromBytes(one.bytes()));
        assertThat(one).isNotEqualTo(SecretDigest.of("y")).isNotEqualTo(one.hex());
    }

    @Test
    void wordsAreTheBigEndianQuartersAndRebuildTheDigest() {
        SecretDigest digest = SecretDigest.of("abc");

        assertThat(digest.word(0)).isEqualTo(0xba7816bf8f01cfeaL);
        assertThat(digest.word(3)).isEqualTo(0xb410ff61f20015adL);
        assertThat(SecretDigest.fromWords(digest.word(0), digest.word(1), digest.word(2), digest.word(3)))
                .isEqualTo(digest);
        assertThatThrownBy(() -> digest.word(4)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void toStringShowsOnlyAPrefix() {
        SecretDigest digest = SecretDigest.of("abc");

        assertThat(digest.toString()).doesNotContain(SHA256_OF_ABC).contains(SHA256_OF_ABC.substring(0, 8));
        assertThat(digest.toString().length()).isLessThan(SHA256_OF_ABC.length());
    }

    @Test
    void bytesAreCopiedInAndOut() {
        byte[] raw = SecretDigest.of("abc").bytes();
        SecretDigest digest = SecretDigest.fromBytes(raw);

        raw[0] ^= 1;
        digest.bytes()[1] ^= 1;

        assertThat(digest.hex()).isEqualTo(SHA256_OF_ABC);
    }

    @Test
    void rejectsAnythingButThirtyTwoBytes() {
        assertThatIllegalArgumentException().isThrownBy(() -> SecretDigest.fromBytes(new byte[31]));
        assertThatIllegalArgumentException().isThrownBy(() -> SecretDigest.fromBytes(new byte[33]));
        assertThatIllegalArgumentException().isThrownBy(() -> SecretDigest.fromHex("abcd"));
        assertThatIllegalArgumentException().isThrownBy(() -> SecretDigest.fromHex("zz".repeat(32)));
    }
}

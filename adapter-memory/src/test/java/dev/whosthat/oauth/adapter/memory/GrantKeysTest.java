package dev.whosthat.oauth.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.token.GrantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantKeysTest {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private final SecureRandomTokenGenerator generator = new SecureRandomTokenGenerator();

    @Test
    void idsOfTheTokenGeneratorArePackableAndUnpackToThemselves() {
        for (int i = 0; i < 10_000; i++) {
            String id = generator.newId();

            long[] key = GrantKeys.pack(id);

            assertThat(GrantKeys.isPackable(id)).as(id).isTrue();
            assertThat(key).as(id).hasSize(2);
            assertThat(GrantKeys.unpack(key[0], key[1])).isEqualTo(id);
        }
    }

    @Test
    void grantIdsOrderedByTimeArePackableToo() {
        for (int i = 0; i < 1_000; i++) {
            String id = GrantId.issuedAt(Instant.now().plusSeconds(i * 86_400L), generator.newId()).value();

            assertThat(GrantKeys.isPackable(id)).as(id).isTrue();
            long[] key = GrantKeys.pack(id);
            assertThat(GrantKeys.unpack(key[0], key[1])).isEqualTo(id);
        }
    }

    @Test
    void distinctIdsPackToDistinctKeys() {
        Set<List<Long>> keys = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = generator.newId();
            long[] key = GrantKeys.pack(id);
            ids.add(id);
            keys.add(List.of(key[0], key[1]));
        }

        assertThat(keys).hasSameSizeAs(ids);
    }

    @Test
    void theKeyIsTheIdsSixteenBytesBigEndian() {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 16; i++) {
            bytes[i] = (byte) (0x11 * i);
        }
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThat(GrantKeys.pack(id)).containsExactly(0x0011223344556677L, 0x8899aabbccddeeffL);
    }

    @Test
    void theLowestAndHighestIdsPackToAllZeroAndAllOneBits() {
        assertThat(GrantKeys.pack("A".repeat(22))).containsExactly(0L, 0L);
        assertThat(GrantKeys.pack("_".repeat(21) + "w")).containsExactly(-1L, -1L);
        assertThat(GrantKeys.unpack(0L, 0L)).isEqualTo("A".repeat(22));
        assertThat(GrantKeys.unpack(-1L, -1L)).isEqualTo("_".repeat(21) + "w");
    }

    @Test
    void everyCharacterOfTheAlphabetRoundTripsInEveryLeadingPosition() {
        for (int position = 0; position < 21; position++) {
            for (char c : ALPHABET.toCharArray()) {
                char[] chars = "A".repeat(22).toCharArray();
                chars[position] = c;
                String id = new String(chars);

                long[] key = GrantKeys.pack(id);

                assertThat(key).as(id).isNotNull();
                assertThat(GrantKeys.unpack(key[0], key[1])).isEqualTo(id);
            }
        }
    }

    @Test
    void idsOfTheWrongLengthAreNotPackable() {
        String valid = generator.newId();

        for (String id : List.of("", "A", valid.substring(1), valid + "A", valid + "==", "grant-1")) {
            assertThat(GrantKeys.isPackable(id)).as("'%s'", id).isFalse();
            assertThat(GrantKeys.pack(id)).as("'%s'", id).isNull();
        }
    }

    @Test
    void idsWithACharacterOutsideBase64UrlAreNotPackable() {
        String valid = "A".repeat(22);
        for (char bad : new char[] {'+', '/', '=', '.', '~', ' ', '\0', '\u007f', '\u00e9', '\u0100', '\uff21'}) {
            for (int position : new int[] {0, 10, 21}) {
                char[] chars = valid.toCharArray();
                chars[position] = bad;
                String id = new String(chars);

                assertThat(GrantKeys.isPackable(id)).as("0x%04x at %d", (int) bad, position).isFalse();
                assertThat(GrantKeys.pack(id)).isNull();
            }
        }
    }

    @Test
    void aLastCharacterWithAnyOfItsFourUnusedBitsSetIsNotPackable() {
        // Twenty-two characters carry 132 bits for 128: "...AB" would otherwise pack like "...AA".
        assertThat(GrantKeys.isPackable("AAAAAAAAAAAAAAAAAAAAAB")).isFalse();
        assertThat(GrantKeys.pack("AAAAAAAAAAAAAAAAAAAAAB")).isNull();

        List<Character> packableLast = new ArrayList<>();
        for (char c : ALPHABET.toCharArray()) {
            if (GrantKeys.isPackable("A".repeat(21) + c)) {
                packableLast.add(c);
            }
        }
        assertThat(packableLast).containsExactly('A', 'Q', 'g', 'w');
    }

    @Test
    void theStandardBase64AlphabetIsNotTakenForBase64Url() {
        byte[] bytes = new byte[16];
        Arrays.fill(bytes, (byte) 0xfb);
        String standard = Base64.getEncoder().withoutPadding().encodeToString(bytes);

        assertThat(standard).contains("+").contains("/");
        assertThat(GrantKeys.isPackable(standard)).isFalse();
    }
}

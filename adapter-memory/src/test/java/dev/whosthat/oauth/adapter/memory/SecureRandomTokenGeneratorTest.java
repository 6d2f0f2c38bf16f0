package dev.whosthat.oauth.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureRandomTokenGeneratorTest {

    private final SecureRandomTokenGenerator generator = new SecureRandomTokenGenerator();

    @Test
    void tokensAre43CharactersOfBase64UrlCarrying256Bits() {
        String token = generator.newToken().value();

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void idsAre22CharactersOfBase64UrlCarrying128Bits() {
        String id = generator.newId();

        assertThat(id).matches("[A-Za-z0-9_-]{22}");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
    }

    @Test
    void tokensAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(generator.newToken().value());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void idsAreDistinct() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(generator.newId());
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void drawsFromTheGivenRandomSource() throws Exception {
        var first = new SecureRandomTokenGenerator(seeded());
        var second = new SecureRandomTokenGenerator(seeded());

        assertThat(first.newToken()).isEqualTo(second.newToken());
        assertThat(first.newId()).isEqualTo(second.newId());
    }

    /** SHA1PRNG seeded before first use is deterministic: the same seed yields the same bytes. */
    private static SecureRandom seeded() throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42L);
        return random;
    }
}

package dev.whosthat.oauth.domain.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.port.TestTokenGenerator;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantIdTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00.123Z");
    private final TestTokenGenerator generator = new TestTokenGenerator();

    @Test
    void theFirst48BitsAreTheMillisecondsAndTheOther80TheRandomIds() {
        String random = generator.newId();

        String id = GrantId.issuedAt(NOW, random).value();

        assertThat(id).hasSize(22).endsWith(random.substring(8));
        assertThat(millisOf(id)).isEqualTo(NOW.toEpochMilli());
        // Still the canonical 128 bits in base64url: it decodes, and encodes back to itself.
        byte[] bytes = Base64.getUrlDecoder().decode(id);
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)).isEqualTo(id);
    }

    @Test
    void idsOfOneMillisecondShareTheirTimeAndDifferInTheRest() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = GrantId.issuedAt(NOW, generator.newId()).value();
            assertThat(id).startsWith(GrantId.issuedAt(NOW, "A".repeat(22)).value().substring(0, 8));
            ids.add(id);
        }

        assertThat(ids).hasSize(10_000);
    }

    @Test
    void idsAMinuteApartShareTheirFirstCharactersAndAYearApartDoNot() {
        String now = GrantId.issuedAt(NOW, generator.newId()).value();
        String minuteLater = GrantId.issuedAt(NOW.plusSeconds(60), generator.newId()).value();
        String yearLater = GrantId.issuedAt(NOW.plusSeconds(365L * 24 * 3600), generator.newId()).value();

        assertThat(minuteLater.substring(0, 4)).isEqualTo(now.substring(0, 4));
        assertThat(yearLater.substring(0, 4)).isNotEqualTo(now.substring(0, 4));
        assertThat(millisOf(minuteLater) - millisOf(now)).isEqualTo(60_000);
    }

    @Test
    void timesOutsideTheFortyEightBitsAreHeldAtTheirBounds() {
        String random = generator.newId();

        assertThat(GrantId.issuedAt(Instant.parse("1969-12-31T23:59:59Z"), random).value()).startsWith("AAAAAAAA");
        assertThat(GrantId.issuedAt(Instant.EPOCH, random).value()).startsWith("AAAAAAAA");
        assertThat(GrantId.issuedAt(Instant.MAX, random).value()).startsWith("________");
        assertThat(millisOf(GrantId.issuedAt(Instant.ofEpochMilli((1L << 48) - 1), random).value())).isEqualTo((1L << 48) - 1);
    }

    @Test
    void anIdOfAnotherFormIsTakenAsItIs() {
        assertThat(GrantId.issuedAt(NOW, "grant-1").value()).isEqualTo("grant-1");
        assertThat(GrantId.issuedAt(NOW, "x".repeat(21) + "+").value()).isEqualTo("x".repeat(21) + "+");
        assertThat(GrantId.issuedAt(NOW, "0123456789abcdef0123456789ab").value()).isEqualTo("0123456789abcdef0123456789ab");
    }

    private static long millisOf(String id) {
        ByteBuffer bytes = ByteBuffer.allocate(8);
        bytes.position(2);
        bytes.put(Base64.getUrlDecoder().decode(id), 0, 6);
        return bytes.getLong(0);
    }
}

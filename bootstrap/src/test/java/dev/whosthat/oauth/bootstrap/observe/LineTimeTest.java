package dev.whosthat.oauth.bootstrap.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineTimeTest {

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    @Test
    void writesWhatTheFormatterWritesWithinASecondAndAcrossSeconds() {
        LineTime time = new LineTime();
        long start = Instant.parse("2026-03-29T00:59:58.990Z").toEpochMilli();
        for (long millis = start; millis < start + 3_000; millis += 7) {
            assertThat(format(time, millis)).isEqualTo(REFERENCE.format(Instant.ofEpochMilli(millis)));
        }
    }

    @Test
    void writesWhatTheFormatterWritesForTimesInAnyOrder() {
        LineTime time = new LineTime();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            long millis = random.nextLong(0, 4_102_444_800_000L);
            assertThat(format(time, millis)).isEqualTo(REFERENCE.format(Instant.ofEpochMilli(millis)));
        }
    }

    private static String format(LineTime time, long millis) {
        StringBuilder line = new StringBuilder();
        time.appendTo(line, millis);
        return line.toString();
    }
}

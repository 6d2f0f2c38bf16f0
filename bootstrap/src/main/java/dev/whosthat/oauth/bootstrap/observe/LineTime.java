package dev.whosthat.oauth.bootstrap.observe;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * {@code HH:mm:ss.SSS} in the system's zone, for the text log lines. A {@link DateTimeFormatter}
 * computes the fraction of a second through {@code BigDecimal}, about a microsecond a line, twice
 * per token request: the formatter runs once per second here, and the milliseconds are three digits.
 */
final class LineTime {

    private static final DateTimeFormatter UP_TO_SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss.").withZone(ZoneId.systemDefault());

    /** The last second written and its text; replaced whole, so that threads never see half of one. */
    private record Second(long epochSecond, String text) {
    }

    private volatile Second last = new Second(Long.MIN_VALUE, "");

    void appendTo(StringBuilder line, long epochMillis) {
        long epochSecond = Math.floorDiv(epochMillis, 1000);
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            second = new Second(epochSecond, UP_TO_SECONDS.format(Instant.ofEpochSecond(epochSecond)));
            last = second;
        }
        int millis = (int) Math.floorMod(epochMillis, 1000);
        line.append(second.text()).append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
                .append((char) ('0' + millis % 10));
    }
}

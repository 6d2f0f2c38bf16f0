package dev.whosthat.oauth.bootstrap.observe;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.event.KeyValuePair;

/**
 * One readable line per event: {@code 12:00:00.123 INFO  d.w.o.access - POST /oauth2/token 200 2 ms
 * method="POST" status="200"}, key/value pairs after the message, quoted with {@code "}, {@code \}
 * and control characters escaped so that no value can forge a line of its own.
 *
 * <p>Written by hand rather than with a pattern layout: it runs once or twice per request on the
 * event loop, and a pattern with a regular expression (to drop the space before an empty pair
 * list) cost several microseconds a line.
 */
public final class TextLineEncoder extends LineEncoder {

    private static final TargetLengthBasedClassNameAbbreviator ABBREVIATOR = new TargetLengthBasedClassNameAbbreviator(20);

    /** Logger names are few; each is abbreviated once. */
    private final Map<String, String> abbreviated = new ConcurrentHashMap<>();
    private final LineTime time = new LineTime();

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(160);
        time.appendTo(line, event.getTimeStamp());
        String level = event.getLevel().toString();
        line.append(' ').append(level);
        for (int pad = level.length(); pad < 5; pad++) {
            line.append(' ');
        }
        line.append(' ').append(abbreviated.computeIfAbsent(event.getLoggerName(), ABBREVIATOR::abbreviate))
                .append(" - ").append(event.getFormattedMessage());
        appendPairs(line, event.getKeyValuePairs());
        line.append('\n');
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown)).append('\n');
        }
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendPairs(StringBuilder line, List<KeyValuePair> pairs) {
        if (pairs == null) {
            return;
        }
        for (KeyValuePair pair : pairs) {
            line.append(' ').append(pair.key).append("=\"");
            String value = String.valueOf(pair.value);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> line.append("\\\"");
                    case '\\' -> line.append("\\\\");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    case '\t' -> line.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            line.append(String.format("\\u%04x", (int) c));
                        } else {
                            line.append(c);
                        }
                    }
                }
            }
            line.append('"');
        }
    }
}

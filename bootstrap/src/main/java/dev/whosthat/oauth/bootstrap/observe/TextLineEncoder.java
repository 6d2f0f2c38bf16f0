package dev.whosthat.oauth.bootstrap.observe;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.io.IOException;
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

    /** Past this, a thread's line buffer is not kept: one long stack trace should not hold memory for good. */
    private static final int KEPT_LINE_CHARS = 16 * 1024;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** A thread's buffers for {@link #writeTo}: a log line per request allocates nothing. */
    private static final class Scratch {
        StringBuilder line = new StringBuilder(256);
        byte[] bytes = new byte[256];
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(256);
        appendLine(line, event);
        return line.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    void writeTo(ILoggingEvent event, LineSink sink) throws IOException {
        Scratch scratch = SCRATCH.get();
        StringBuilder line = scratch.line;
        line.setLength(0);
        appendLine(line, event);
        int length = line.length();
        if (length > KEPT_LINE_CHARS) {
            // A stack trace, say: written as is, and the thread's buffers are not grown for it.
            scratch.line = new StringBuilder(256);
            writeEncoded(line, sink);
            return;
        }
        if (scratch.bytes.length < length) {
            scratch.bytes = new byte[Math.max(length, 2 * scratch.bytes.length)];
        }
        for (int i = 0; i < length; i++) {
            char c = line.charAt(i);
            if (c >= 0x80) {
                // Not ASCII (a username, a path): the general encoding, for this line.
                writeEncoded(line, sink);
                return;
            }
            scratch.bytes[i] = (byte) c;
        }
        sink.write(scratch.bytes, 0, length);
    }

    private static void writeEncoded(StringBuilder line, LineSink sink) throws IOException {
        byte[] encoded = line.toString().getBytes(StandardCharsets.UTF_8);
        sink.write(encoded, 0, encoded.length);
    }

    private void appendLine(StringBuilder line, ILoggingEvent event) {
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
    }

    private static void appendPairs(StringBuilder line, List<KeyValuePair> pairs) {
        if (pairs == null) {
            return;
        }
        for (KeyValuePair pair : pairs) {
            line.append(' ').append(pair.key).append("=\"");
            if (pair.value instanceof Integer || pair.value instanceof Long) {
                line.append(((Number) pair.value).longValue()).append('"');
                continue;
            }
            String value = String.valueOf(pair.value);
            if (needsNoEscape(value)) {
                line.append(value);
            } else {
                appendEscaped(line, value);
            }
            line.append('"');
        }
    }

    /** Most values (methods, paths, statuses, client ids) are plain: they are appended whole. */
    private static boolean needsNoEscape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static void appendEscaped(StringBuilder line, String value) {
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
    }
}

package dev.whosthat.oauth.bootstrap.observe;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.event.KeyValuePair;

/**
 * One readable line per event: {@code 12:00:00.123 INFO  d.w.oauth.access - POST /oauth2/token 200 2 ms
 * endpoint=token outcome=ok client_id=c1}, key/value pairs after the message in the logfmt manner.
 * A value is quoted only when it must be (a space, {@code =}, {@code "}, {@code \} or a control
 * character in it), and then {@code "}, {@code \} and control characters are escaped, so that no
 * value can forge a line of its own. Text is for people: an empty value is left out, and so are the
 * pairs that the message of the access and audit loggers already states ({@link #STATED_IN_MESSAGE});
 * JSON lines carry every pair as a field.
 *
 * <p>Written by hand rather than with a pattern layout: it runs once or twice per request on the
 * event loop, and a pattern with a regular expression (to drop the space before an empty pair
 * list) cost several microseconds a line. Every byte counts as well: on a VM, the page cache's copy
 * of a new log page costs a fault in the host, and the two lines of a token request were 350 bytes
 * before they said each thing once.
 */
public final class TextLineEncoder extends LineEncoder {

    private static final TargetLengthBasedClassNameAbbreviator ABBREVIATOR = new TargetLengthBasedClassNameAbbreviator(20);

    /** By logger: the keys whose values its messages already state. */
    static final Map<String, Set<String>> STATED_IN_MESSAGE = hashed(Map.of(
            AccessLog.LOGGER, AccessLog.STATED_IN_MESSAGE,
            AuditLog.LOGGER, AuditLog.STATED_IN_MESSAGE));
    private static final Set<String> NONE_STATED = new HashSet<>();

    /**
     * As hash sets, never modified: each pair of each line is looked up, and the immutable sets of
     * {@code Set.of} find their slot by a division, which made these look-ups half the cost of
     * writing the pairs.
     */
    private static Map<String, Set<String>> hashed(Map<String, Set<String>> stated) {
        Map<String, Set<String>> hashed = new HashMap<>();
        stated.forEach((logger, keys) -> hashed.put(logger, new HashSet<>(keys)));
        return hashed;
    }

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
        appendPairs(line, event.getKeyValuePairs(), STATED_IN_MESSAGE.getOrDefault(event.getLoggerName(), NONE_STATED));
        line.append('\n');
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            line.append(ThrowableProxyUtil.asString(thrown)).append('\n');
        }
    }

    private static void appendPairs(StringBuilder line, List<KeyValuePair> pairs, Set<String> stated) {
        if (pairs == null) {
            return;
        }
        for (KeyValuePair pair : pairs) {
            if (stated.contains(pair.key)) {
                continue;
            }
            if (pair.value instanceof Integer || pair.value instanceof Long) {
                line.append(' ').append(pair.key).append('=').append(((Number) pair.value).longValue());
                continue;
            }
            String value = String.valueOf(pair.value);
            if (value.isEmpty()) {
                continue;
            }
            line.append(' ').append(pair.key).append('=');
            if (needsNoQuotes(value)) {
                line.append(value);
            } else {
                line.append('"');
                appendEscaped(line, value);
                line.append('"');
            }
        }
    }

    /** Most values (methods, paths, outcomes, client ids) are one plain word: they are appended whole. */
    private static boolean needsNoQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) {
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

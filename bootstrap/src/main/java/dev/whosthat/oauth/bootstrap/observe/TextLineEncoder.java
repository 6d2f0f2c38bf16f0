package dev.whosthat.oauth.bootstrap.observe;

import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import java.io.IOException;
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
    private static final int KEPT_LINE_BYTES = 16 * 1024;
    /** A thread's line for {@link #writeTo}: a log line per request allocates nothing. */
    private static final ThreadLocal<LineBytes> SCRATCH = ThreadLocal.withInitial(() -> new LineBytes(256));

    @Override
    public byte[] encode(ILoggingEvent event) {
        LineBytes line = new LineBytes(256);
        appendLine(line, event);
        return line.toByteArray();
    }

    @Override
    void writeTo(ILoggingEvent event, LineSink sink) throws IOException {
        LineBytes line = SCRATCH.get();
        line.clear();
        appendLine(line, event);
        sink.write(line.array(), 0, line.length());
        if (line.length() > KEPT_LINE_BYTES) {
            // A stack trace, say: the thread's buffer is not kept at that size.
            SCRATCH.remove();
        }
    }

    private void appendLine(LineBytes line, ILoggingEvent event) {
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

    private static void appendPairs(LineBytes line, List<KeyValuePair> pairs, Set<String> stated) {
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

    /** Runs of characters that need no escape are appended whole, so that a surrogate pair stays one character. */
    private static void appendEscaped(LineBytes line, String value) {
        int run = 0;
        for (int i = 0; i < value.length(); i++) {
            String escape = escape(value.charAt(i));
            if (escape != null) {
                line.append(value, run, i).append(escape);
                run = i + 1;
            }
        }
        line.append(value, run, value.length());
    }

    /** What stands for the character in a quoted value, or null if it stands for itself. */
    private static String escape(char c) {
        return switch (c) {
            case '"' -> "\\\"";
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c < 0x20 ? String.format("\\u%04x", (int) c) : null;
        };
    }
}

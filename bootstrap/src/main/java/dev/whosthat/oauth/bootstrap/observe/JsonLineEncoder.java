package dev.whosthat.oauth.bootstrap.observe;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.event.KeyValuePair;

/**
 * One JSON object per line: {@code timestamp} (ISO-8601, UTC), {@code level}, {@code logger},
 * {@code thread}, {@code message} (formatted), every SLF4J key/value pair as a top-level field, and
 * {@code exception} when there is one.
 *
 * <p>Logback's own {@code JsonEncoder} writes key/value pairs as a list of one-entry objects
 * ({@code "kvpList": [{"status": "200"}]}), every value as a string, and the message unformatted
 * beside its arguments: log pipelines (Loki, Elasticsearch, CloudWatch) cannot index that by field.
 * The flat form takes these few lines on Jackson, which the server already has; a library for it
 * (logstash-logback-encoder) would add a dependency for the same result.
 */
public final class JsonLineEncoder extends LineEncoder {

    private static final JsonFactory JSON = new JsonFactory();
    /**
     * A pair named like a fixed field is renamed, never allowed to shadow it. A hash set, never
     * modified: it is looked up for every pair, where {@code Set.of} would divide to find a slot.
     */
    private static final Set<String> FIXED = new HashSet<>(List.of("timestamp", "level", "logger", "thread", "message", "exception"));

    /** Past this, a thread's line buffer is not kept: one long stack trace should not hold memory for good. */
    private static final int KEPT_LINE_BYTES = 16 * 1024;
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** A thread's buffer for {@link #writeTo}, handed to the sink without a copy. */
    private static final class Scratch extends ByteArrayOutputStream {
        Scratch() {
            super(256);
        }

        void drainTo(LineSink sink) throws IOException {
            sink.write(buf, 0, count);
        }
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try {
            writeLine(event, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    void writeTo(ILoggingEvent event, LineSink sink) throws IOException {
        Scratch line = SCRATCH.get();
        line.reset();
        writeLine(event, line);
        line.drainTo(sink);
        if (line.size() > KEPT_LINE_BYTES) {
            SCRATCH.remove();
        }
    }

    /** The whole line, newline included, into {@code out}: only ever a buffer of ours. */
    private static void writeLine(ILoggingEvent event, ByteArrayOutputStream out) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("timestamp", event.getInstant().toString());
            json.writeStringField("level", event.getLevel().toString());
            json.writeStringField("logger", event.getLoggerName());
            json.writeStringField("thread", event.getThreadName());
            json.writeStringField("message", event.getFormattedMessage());
            writePairs(json, event.getKeyValuePairs());
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                json.writeStringField("exception", ThrowableProxyUtil.asString(thrown));
            }
            json.writeEndObject();
        }
        out.write('\n');
    }

    private static void writePairs(JsonGenerator json, List<KeyValuePair> pairs) throws IOException {
        if (pairs == null) {
            return;
        }
        Set<String> written = new HashSet<>();
        for (KeyValuePair pair : pairs) {
            String name = FIXED.contains(pair.key) ? "kv_" + pair.key : pair.key;
            if (!written.add(name)) {
                continue;
            }
            json.writeFieldName(name);
            Object value = pair.value;
            if (value == null) {
                json.writeNull();
            } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
                json.writeNumber(((Number) value).longValue());
            } else if (value instanceof Boolean flag) {
                json.writeBoolean(flag);
            } else {
                json.writeString(value.toString());
            }
        }
    }
}

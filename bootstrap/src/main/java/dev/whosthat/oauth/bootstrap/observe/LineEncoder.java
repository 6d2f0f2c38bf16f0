package dev.whosthat.oauth.bootstrap.observe;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.io.IOException;

/** An encoder of one line per event, with nothing before the first line or after the last. */
abstract class LineEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NOTHING = new byte[0];

    /** Where a finished line goes: the appender writes it there under its own lock. */
    interface LineSink {
        void write(byte[] bytes, int offset, int length) throws IOException;
    }

    /**
     * Formats the event's line, then hands it whole to {@code sink}, as {@link #encode} would
     * return it: appenders that write one line at a time call this, format outside their lock, and
     * skip a copy of every line. A line that fails to format reaches the sink not at all.
     */
    void writeTo(ILoggingEvent event, LineSink sink) throws IOException {
        byte[] line = encode(event);
        sink.write(line, 0, line.length);
    }

    @Override
    public final byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public final byte[] footerBytes() {
        return NOTHING;
    }
}

package dev.whosthat.oauth.bootstrap.observe;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.io.IOException;
import java.io.OutputStream;

/** An encoder of one line per event, with nothing before the first line or after the last. */
abstract class LineEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NOTHING = new byte[0];

    /**
     * Writes the event's line to {@code out}, as {@link #encode} would return it: appenders that
     * write lines one at a time under their own lock call this, and skip a copy of every line.
     */
    void writeTo(ILoggingEvent event, OutputStream out) throws IOException {
        out.write(encode(event));
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

package dev.whosthat.oauth.bootstrap.observe;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.ErrorStatus;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Standard output through a buffer that a background thread flushes every {@link #FLUSH_MILLIS} ms,
 * and at once after a warning or an error. A console appender makes one {@code write} system call
 * per line; with an access line and an audit line per token request that halved the rate the event
 * loop could serve. Lines now reach the output at most a fifth of a second late, and
 * {@link #flush()} empties the buffer before the process ends.
 */
public final class BufferedConsoleAppender extends OutputStreamAppender<ILoggingEvent> {

    static final long FLUSH_MILLIS = 200;
    private static final int BUFFER_BYTES = 64 * 1024;

    private ScheduledExecutorService flusher;

    @Override
    public void start() {
        setOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), BUFFER_BYTES));
        setImmediateFlush(false);
        super.start();
        flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "log-flush");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flush, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Encodes and writes on the logging thread. Logback's own version first prepares the event for
     * deferred processing (a copy of the MDC, the thread name): that is for appenders that encode
     * later on another thread, and it was a fifth of the cost of a log line.
     */
    @Override
    protected void subAppend(ILoggingEvent event) {
        if (!isStarted()) {
            return;
        }
        try {
            write(event);
        } catch (IOException failed) {
            started = false;
            addStatus(new ErrorStatus("IO failure in appender", this, failed));
        }
        if (event.getLevel().isGreaterOrEqual(Level.WARN)) {
            flush();
        }
    }

    /**
     * Our line encoders format outside the lock, then hand over the finished line, which goes
     * straight into the buffer: no byte array per line, and no thread waits on another's formatting.
     */
    private void write(ILoggingEvent event) throws IOException {
        if (!(getEncoder() instanceof LineEncoder lines)) {
            writeOut(event);
            return;
        }
        lines.writeTo(event, (bytes, offset, length) -> {
            streamWriteLock.lock();
            try {
                // stop() may have run since this event was let in.
                if (isStarted() && getOutputStream() != null) {
                    getOutputStream().write(bytes, offset, length);
                }
            } finally {
                streamWriteLock.unlock();
            }
        });
    }

    /** Writes out whatever is buffered. */
    public void flush() {
        streamWriteLock.lock();
        try {
            if (getOutputStream() != null) {
                getOutputStream().flush();
            }
        } catch (IOException lost) {
            // Standard output is gone (a closed pipe): there is nowhere left to say so.
        } finally {
            streamWriteLock.unlock();
        }
    }

    @Override
    public void stop() {
        if (flusher != null) {
            flusher.shutdownNow();
        }
        flush();
        super.stop();
    }
}

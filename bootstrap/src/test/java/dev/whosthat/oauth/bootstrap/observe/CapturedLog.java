package dev.whosthat.oauth.bootstrap.observe;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** Keeps what one logger writes while a test runs. */
final class CapturedLog extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final Logger logger;

    private CapturedLog(String name) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        this.logger = context.getLogger(name);
        setContext(context);
        setName("captured-" + name);
        start();
        logger.addAppender(this);
    }

    static CapturedLog of(String loggerName) {
        return new CapturedLog(loggerName);
    }

    /**
     * Waits until at least {@code count} events arrived: a request's line is written once its
     * response has ended, which may be just after the client has read it.
     */
    List<ILoggingEvent> await(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return List.copyOf(events);
    }

    @Override
    protected void append(ILoggingEvent event) {
        events.add(event);
    }

    static Map<String, String> pairs(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
        return pairs.stream().collect(Collectors.toMap(pair -> pair.key, pair -> String.valueOf(pair.value)));
    }

    /** Every message and every key/value pair, as one text to search for what must not be there. */
    String everything() {
        return events.stream().map(event -> event.getFormattedMessage() + " " + pairs(event))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        logger.detachAppender(this);
        stop();
    }
}

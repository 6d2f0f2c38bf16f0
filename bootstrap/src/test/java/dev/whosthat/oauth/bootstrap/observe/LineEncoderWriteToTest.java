package dev.whosthat.oauth.bootstrap.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** The appender's path, straight into its buffer, writes exactly the bytes that {@code encode} returns. */
class LineEncoderWriteToTest {

    private final Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("dev.whosthat.oauth.access");

    static Stream<LineEncoder> encoders() {
        return Stream.of(new TextLineEncoder(), new JsonLineEncoder());
    }

    /** Records whether the encoder flushed or closed the stream it was given: the appender owns both. */
    private static final class Target extends ByteArrayOutputStream {
        boolean flushed;
        boolean closed;

        @Override
        public void flush() {
            flushed = true;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void writesTheEncodedLineAndLeavesTheStreamToTheAppender(LineEncoder encoder) throws IOException {
        for (LoggingEvent event : List.of(event("POST /oauth2/token 200"), event("GET /api/me für Jürgen \u2603"),
                event("x".repeat(40_000)), event("short again"))) {
            Target target = new Target();

            encoder.writeTo(event, target);

            assertThat(target.toString(StandardCharsets.UTF_8))
                    .isEqualTo(new String(encoder.encode(event), StandardCharsets.UTF_8));
            assertThat(target.flushed).as("flushed").isFalse();
            assertThat(target.closed).as("closed").isFalse();
        }
    }

    private LoggingEvent event(String message) {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.INFO, message, null, null);
        event.setTimeStamp(1_700_000_000_123L);
        event.addKeyValuePair(new KeyValuePair("client_id", "c\"1\n"));
        event.addKeyValuePair(new KeyValuePair("status", 200));
        return event;
    }
}

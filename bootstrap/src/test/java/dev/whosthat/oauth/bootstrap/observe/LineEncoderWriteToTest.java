package dev.whosthat.oauth.bootstrap.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/** The appender's path hands the sink exactly the bytes that {@code encode} returns, one whole line at a time. */
class LineEncoderWriteToTest {

    private final Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("dev.whosthat.oauth.access");

    static Stream<LineEncoder> encoders() {
        return Stream.of(new TextLineEncoder(), new JsonLineEncoder());
    }

    /** What the sink received, and in how many pieces. */
    private static final class Sink extends ByteArrayOutputStream implements LineEncoder.LineSink {
        int writes;

        @Override
        public void write(byte[] bytes, int offset, int length) {
            writes++;
            super.write(bytes, offset, length);
        }
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void handsTheSinkTheEncodedLineWhole(LineEncoder encoder) throws IOException {
        for (LoggingEvent event : List.of(event("POST /oauth2/token 200", "c\"1\n"), event("GET /api/me für Jürgen \u2603", "c1"),
                event("x".repeat(40_000), "c1"), event("short again", "c1"))) {
            Sink sink = new Sink();

            encoder.writeTo(event, sink);

            assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(new String(encoder.encode(event), StandardCharsets.UTF_8));
            assertThat(sink.writes).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @MethodSource("encoders")
    void aLineThatFailsToFormatReachesTheSinkNotAtAllAndTheNextLineIsWhole(LineEncoder encoder) throws IOException {
        Object unprintable = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("no text for this value");
            }
        };
        Sink sink = new Sink();

        assertThatThrownBy(() -> encoder.writeTo(event("first", unprintable), sink)).isInstanceOf(IllegalStateException.class);
        encoder.writeTo(event("second", "c1"), sink);

        assertThat(sink.writes).isEqualTo(1);
        assertThat(sink.toString(StandardCharsets.UTF_8)).isEqualTo(
                new String(encoder.encode(event("second", "c1")), StandardCharsets.UTF_8));
    }

    private LoggingEvent event(String message, Object clientId) {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.INFO, message, null, null);
        event.setTimeStamp(1_700_000_000_123L);
        event.addKeyValuePair(new KeyValuePair("client_id", clientId));
        event.addKeyValuePair(new KeyValuePair("status", 200));
        return event;
    }
}

package dev.whosthat.oauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whosthat.oauth.bootstrap.config.OperationsSettings.LogFormat;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** The two console formats: key/value pairs as readable text, or as fields of one JSON object per line. */
class ConsoleLoggingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    private final Logger logger = context.getLogger("dev.whosthat.oauth.access");

    @Test
    void jsonModeWritesOneParseableObjectPerLineWithPairsAsFields() throws Exception {
        String line = encode(LogFormat.JSON, event("POST /oauth2/token {} {} ms", 200, 12L));

        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = JSON.readTree(line);
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("logger").asText()).isEqualTo("dev.whosthat.oauth.access");
        assertThat(json.path("message").asText()).isEqualTo("POST /oauth2/token 200 12 ms");
        assertThat(json.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(json.path("method").asText()).isEqualTo("POST");
        assertThat(json.path("status").isInt()).isTrue();
        assertThat(json.path("status").asInt()).isEqualTo(200);
        assertThat(json.path("client_id").asText()).isEqualTo("c\"1\n");
        assertThat(json.path("kv_message").asText()).isEqualTo("cannot shadow");
    }

    @Test
    void jsonModeCarriesTheStackTraceAsOneField() throws Exception {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.ERROR, "failed", new IllegalStateException("boom"), null);

        JsonNode json = JSON.readTree(encode(LogFormat.JSON, event));

        assertThat(json.path("exception").asText()).contains("IllegalStateException: boom").contains("\tat ");
    }

    @Test
    void textModeAppendsPairsAsKeyEqualsValue() {
        String line = encode(LogFormat.TEXT, event("POST /oauth2/token {} {} ms", 200, 12L));

        assertThat(line).contains("INFO").contains("- POST /oauth2/token 200 12 ms method=\"POST\" status=\"200\"")
                .endsWith("\n");
    }

    @Test
    void textModeEscapesValuesSoThatNoneCanForgeALine() {
        String line = encode(LogFormat.TEXT, event("POST /oauth2/token {} {} ms", 200, 12L));

        assertThat(line).contains("client_id=\"c\\\"1\\n\"");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    }

    @Test
    void textModeLeavesLinesWithoutPairsAsTheyWere() {
        LoggingEvent plain = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "listening on {}", null, new Object[] {8080});

        assertThat(encode(LogFormat.TEXT, plain)).endsWith("- listening on 8080" + System.lineSeparator());
    }

    private LoggingEvent event(String message, Object... arguments) {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, logger, Level.INFO, message, null, arguments);
        event.addKeyValuePair(new KeyValuePair("method", "POST"));
        event.addKeyValuePair(new KeyValuePair("status", 200));
        event.addKeyValuePair(new KeyValuePair("client_id", "c\"1\n"));
        event.addKeyValuePair(new KeyValuePair("message", "cannot shadow"));
        return event;
    }

    private String encode(LogFormat format, ILoggingEvent event) {
        Encoder<ILoggingEvent> encoder = ConsoleLogging.encoder(context, format);
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }
}

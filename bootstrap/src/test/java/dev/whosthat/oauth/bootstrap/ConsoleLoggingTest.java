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
    private final Logger other = context.getLogger("dev.whosthat.oauth.bootstrap.OAuthServer");

    @Test
    void jsonModeWritesOneParseableObjectPerLineWithPairsAsFields() throws Exception {
        String line = encode(LogFormat.JSON, event(logger, "POST /oauth2/token {} {} ms", 200, 12L));

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
    void textModeAppendsPairsAsKeyEqualsValueQuotedOnlyWhereAValueNeedsIt() {
        LoggingEvent event = event(other, "POST /oauth2/token {} {} ms", 200, 12L);
        event.addKeyValuePair(new KeyValuePair("note", "two words"));
        event.addKeyValuePair(new KeyValuePair("weight", "a=b"));

        String line = encode(LogFormat.TEXT, event);

        assertThat(line).contains("INFO").contains("- POST /oauth2/token 200 12 ms method=POST status=200 client_id=")
                .contains(" note=\"two words\" weight=\"a=b\"").endsWith("\n");
    }

    @Test
    void textModeEscapesValuesSoThatNoneCanForgeALine() {
        String line = encode(LogFormat.TEXT, event(other, "POST /oauth2/token {} {} ms", 200, 12L));

        assertThat(line).contains("client_id=\"c\\\"1\\n\"");
        assertThat(line.indexOf('\n')).isEqualTo(line.length() - 1);
    }

    @Test
    void textModeWritesUtf8AndKeepsACharacterOutsideTheBasicPlaneWholeInAQuotedValue() {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, other, Level.INFO, "f\u00fcr J\u00fcrgen \u2603", null, null);
        event.addKeyValuePair(new KeyValuePair("note", "rain \uD83C\uDF27 and \u0001"));
        event.addKeyValuePair(new KeyValuePair("offset", -42L));

        assertThat(encode(LogFormat.TEXT, event))
                .endsWith("- f\u00fcr J\u00fcrgen \u2603 note=\"rain \uD83C\uDF27 and \\u0001\" offset=-42\n");
    }

    @Test
    void textModeLeavesOutEmptyValues() {
        LoggingEvent event = event(other, "token_issued");
        event.addKeyValuePair(new KeyValuePair("subject", ""));

        assertThat(encode(LogFormat.TEXT, event)).doesNotContain("subject");
    }

    @Test
    void textModeLeavesOutThePairsThatTheAccessAndAuditMessagesStateAndJsonKeepsThem() {
        LoggingEvent access = event(logger, "POST /oauth2/token {} {} ms", 200, 12L);
        access.addKeyValuePair(new KeyValuePair("path", "/oauth2/token"));
        access.addKeyValuePair(new KeyValuePair("duration_ms", 12L));
        access.addKeyValuePair(new KeyValuePair("endpoint", "token"));
        LoggingEvent audit = new LoggingEvent(Logger.FQCN, context.getLogger("dev.whosthat.oauth.audit"), Level.INFO,
                "token_issued", null, null);
        audit.addKeyValuePair(new KeyValuePair("event", "token_issued"));
        audit.addKeyValuePair(new KeyValuePair("client_id", "c1"));

        assertThat(encode(LogFormat.TEXT, access)).contains("- POST /oauth2/token 200 12 ms client_id=")
                .contains(" endpoint=token").doesNotContain("method=").doesNotContain("status=")
                .doesNotContain("path=").doesNotContain("duration_ms=");
        assertThat(encode(LogFormat.TEXT, audit)).endsWith("- token_issued client_id=c1\n");
        assertThat(encode(LogFormat.JSON, access)).contains("\"method\":\"POST\"", "\"status\":200", "\"path\":\"/oauth2/token\"",
                "\"duration_ms\":12");
        assertThat(encode(LogFormat.JSON, audit)).contains("\"event\":\"token_issued\"");
    }

    @Test
    void textModeLeavesLinesWithoutPairsAsTheyWere() {
        LoggingEvent plain = new LoggingEvent(Logger.FQCN, logger, Level.INFO, "listening on {}", null, new Object[] {8080});

        assertThat(encode(LogFormat.TEXT, plain)).endsWith("- listening on 8080" + System.lineSeparator());
    }

    private LoggingEvent event(Logger source, String message, Object... arguments) {
        LoggingEvent event = new LoggingEvent(Logger.FQCN, source, Level.INFO, message, null, arguments);
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

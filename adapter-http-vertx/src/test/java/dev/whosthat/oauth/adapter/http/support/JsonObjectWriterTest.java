package dev.whosthat.oauth.adapter.http.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonObjectWriterTest {

    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void writesMembersInOrderWithoutSpaces() {
        Buffer body = JsonObjectWriter.onThisThread()
                .bool("active", true)
                .string("scope", "read write")
                .number("exp", 1_700_000_000L)
                .optional("username", Optional.empty())
                .optional("sub", Optional.of("olivia"))
                .bool("spare", false)
                .finish();

        assertThat(body.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"active\":true,\"scope\":\"read write\",\"exp\":1700000000,\"sub\":\"olivia\",\"spare\":false}");
    }

    @Test
    void aNullStringIsJsonNull() {
        assertThat(JsonObjectWriter.onThisThread().string("sub", null).finish().toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"sub\":null}");
    }

    @Test
    void anEmptyObjectIsTwoBraces() {
        assertThat(JsonObjectWriter.onThisThread().finish().toString(StandardCharsets.UTF_8)).isEqualTo("{}");
    }

    @Test
    void numbersAtTheEndsOfTheRange() throws Exception {
        JsonNode parsed = JACKSON.readTree(JsonObjectWriter.onThisThread()
                .number("min", Long.MIN_VALUE).number("max", Long.MAX_VALUE).number("zero", 0).finish().getBytes());

        assertThat(parsed.get("min").asLong()).isEqualTo(Long.MIN_VALUE);
        assertThat(parsed.get("max").asLong()).isEqualTo(Long.MAX_VALUE);
        assertThat(parsed.get("zero").asLong()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a \"quoted\" word", "back\\slash", "line\nbreak\r\ttab", "\u0000\u001f\u007f",
            "olivié", "日本語", "emoji \uD83D\uDE00 pair", "ends with a backslash \\", "</script>", "\u2028\u2029"})
    void everyStringReadsBackAsItWasAndTheBodyIsAscii(String value) throws Exception {
        byte[] body = JsonObjectWriter.onThisThread().string("name \"x\"", value).finish().getBytes();

        assertThat(JACKSON.readTree(body).get("name \"x\"").asText()).isEqualTo(value);
        for (byte b : body) {
            assertThat(b).as("every byte is printable ASCII").isBetween((byte) 0x20, (byte) 0x7e);
        }
    }

    @Test
    void escapesOnlyWhatMustBeEscapedAmongAsciiAndSpellsTheRest() {
        String body = JsonObjectWriter.onThisThread().string("v", "a\"b\\c\nd\u007fé").finish().toString(StandardCharsets.UTF_8);

        assertThat(body).isEqualTo("{\"v\":\"a\\\"b\\\\c\\u000ad\\u007f\\u00e9\"}");
    }

    @Test
    void aLongAnswerGrowsTheArrayAndTheNextAnswerStartsClean() throws Exception {
        String large = "x".repeat(10_000);
        JsonNode first = JACKSON.readTree(JsonObjectWriter.onThisThread()
                .string("a", large).string("b", "\u0001".repeat(2_000)).number("n", 7).finish().getBytes());
        String second = JsonObjectWriter.onThisThread().string("c", "d").finish().toString(StandardCharsets.UTF_8);

        assertThat(first.get("a").asText()).isEqualTo(large);
        assertThat(first.get("b").asText()).isEqualTo("\u0001".repeat(2_000));
        assertThat(first.get("n").asLong()).isEqualTo(7);
        assertThat(second).isEqualTo("{\"c\":\"d\"}");
    }

    @Test
    void eachAnswerIsItsOwnBufferNotTheThreadsScratch() {
        Buffer first = JsonObjectWriter.onThisThread().string("k", "first").finish();
        JsonObjectWriter.onThisThread().string("k", "second, longer than the first").finish();

        assertThat(first.toString(StandardCharsets.UTF_8)).isEqualTo("{\"k\":\"first\"}");
    }
}

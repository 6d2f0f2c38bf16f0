package dev.whosthat.oauth.bootstrap.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineBytesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "plain ascii", "f\u00fcr J\u00fcrgen", "\u2603 snowman", "\u65e5\u672c\u8a9e", "pair \uD83D\uDE00 in the middle",
            "\uD83D\uDE00", "lone high \uD800 then text", "lone low \uDC00", "ends high \uD83D", "\u007f\u0080\u07ff\u0800\uffff"})
    void writesWhatStringGetBytesWrites(String text) {
        LineBytes line = new LineBytes(1);

        line.append("[").append(text).append("]");

        assertThat(line.toByteArray()).isEqualTo(("[" + text + "]").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRangeOfCharsStopsWhereItIsToldEvenInsideAPair() {
        String text = "ab\uD83D\uDE00cd";

        assertThat(new String(new LineBytes(4).append(text, 1, 5).toByteArray(), StandardCharsets.UTF_8)).isEqualTo("b\uD83D\uDE00c");
        assertThat(new LineBytes(4).append(text, 1, 3).toByteArray()).isEqualTo("b?".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void numbersInDecimalAtEveryMagnitude() {
        LineBytes line = new LineBytes(2);
        long[] numbers = {0, 7, -7, 10, 99, 100, -1000, 1_700_000_000_123L, Long.MAX_VALUE, Long.MIN_VALUE};
        StringBuilder expected = new StringBuilder();
        for (long number : numbers) {
            line.append(number).append(' ');
            expected.append(number).append(' ');
        }

        assertThat(new String(line.toByteArray(), StandardCharsets.US_ASCII)).isEqualTo(expected.toString());
    }

    @Test
    void clearStartsALineOverInTheSameArray() {
        LineBytes line = new LineBytes(8);
        line.append("a first, longer line");
        byte[] grown = line.array();

        line.clear();
        line.append("second");

        assertThat(line.array()).isSameAs(grown);
        assertThat(new String(line.array(), 0, line.length(), StandardCharsets.US_ASCII)).isEqualTo("second");
    }

    @Test
    void aCharIsForTheLinesOwnAsciiPunctuation() {
        assertThatThrownBy(() -> new LineBytes(4).append('\u00e9')).isInstanceOf(IllegalArgumentException.class);
    }
}

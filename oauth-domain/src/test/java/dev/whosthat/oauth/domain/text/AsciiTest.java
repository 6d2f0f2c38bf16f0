package dev.whosthat.oauth.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AsciiTest {

    @Test
    void acceptsOnlyTextWhoseEveryCharacterIsInTheRange() {
        assertThat(Ascii.allWithin("abc", 'a', 'c')).isTrue();
        assertThat(Ascii.allWithin("", 'a', 'c')).isTrue();
        assertThat(Ascii.allWithin("abd", 'a', 'c')).isFalse();
        assertThat(Ascii.allWithin("`bc", 'a', 'c')).isFalse();
        assertThat(Ascii.allWithin("a\u00e9", ' ', '~')).isFalse();
        assertThat(Ascii.allWithin("\u007f", ' ', '~')).isFalse();
    }
}

package dev.whosthat.oauth.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenValueTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "ABCxyz0189-._~+/", "mF_9.B5f-4.1JqM", "abc=", "abc=="})
    void parseAcceptsB64Tokens(String presented) {
        assertThat(TokenValue.parse(presented)).hasValueSatisfying(t -> assertThat(t.value()).isEqualTo(presented));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc def", " abc", "abc ", "=", "===", "a=b", "abc=d", "caf\u00e9", "a\tb", "a,b",
            "a\"b", "a;b", "a\nb"})
    void parseRejectsWhatIsNotAB64Token(String presented) {
        assertThat(TokenValue.parse(presented)).isEmpty();
    }

    @Test
    void parseAcceptsUpToTheMaximumLength() {
        assertThat(TokenValue.parse("a".repeat(TokenValue.MAX_LENGTH))).isPresent();
    }

    @Test
    void parseRejectsOverLongAndNull() {
        assertThat(TokenValue.parse("a".repeat(TokenValue.MAX_LENGTH + 1))).isEmpty();
        assertThat(TokenValue.parse(null)).isEmpty();
    }

    @Test
    void constructorRejectsMalformedValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenValue("not a token"));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenValue(""));
    }

    @Test
    void toStringIsRedacted() {
        TokenValue token = new TokenValue("secretTokenValue123");

        assertThat(token.toString()).doesNotContain("secretTokenValue123").isEqualTo("TokenValue[redacted]");
    }

    @Test
    void digestIsTheSha256OfTheValue() {
        assertThat(new TokenValue("abc").digest()).isEqualTo(SecretDigest.of("abc"));
    }
}

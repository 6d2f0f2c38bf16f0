package dev.whosthat.oauth.domain.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedirectUriTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "https://client.example/cb", "https://client.example:8443/cb?x=1&y=2", "http://localhost:8080/cb",
            "http://127.0.0.1/cb", "com.example.app://callback/path"
    })
    void acceptsAbsoluteUrisWithoutFragment(String value) {
        assertThat(new RedirectUri(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cb", "cb", "//client.example/cb", "?x=1"})
    void rejectsRelativeUris(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new RedirectUri(value)).withMessageContaining("absolute");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://client.example/cb#frag", "https://client.example/cb#"})
    void rejectsFragments(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new RedirectUri(value)).withMessageContaining("fragment");
    }

    @Test
    void rejectsOpaqueUris() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RedirectUri("mailto:someone@example.com"));
    }

    @Test
    void rejectsEmptyNullAndUnparsable() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RedirectUri(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new RedirectUri(null));
        assertThatIllegalArgumentException().isThrownBy(() -> new RedirectUri("https://client.example/a b"));
    }

    @Test
    void isComparedAsTheExactStringNeverNormalised() {
        assertThat(new RedirectUri("https://client.example/cb")).isNotEqualTo(new RedirectUri("https://CLIENT.example/cb"));
        assertThat(new RedirectUri("https://client.example/cb")).isNotEqualTo(new RedirectUri("https://client.example/cb/"));
        assertThat(new RedirectUri("https://client.example/cb")).hasToString("https://client.example/cb");
    }
}

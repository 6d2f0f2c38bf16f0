package dev.whosthat.oauth.application.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 6749 §3.1: empty parameters count as omitted, repeated ones are noticed. */
class AuthorizationParametersTest {

    @Test
    void singleValueIsReturned() {
        assertThat(params(Map.of("scope", List.of("read"))).single("scope")).contains("read");
    }

    @Test
    void absentParameterHasNoValue() {
        assertThat(params(Map.of()).single("scope")).isEmpty();
    }

    @Test
    void emptyParameterIsTreatedAsOmitted() {
        assertThat(params(Map.of("scope", List.of(""))).single("scope")).isEmpty();
    }

    @Test
    void repeatedParameterHasNoSingleValue() {
        AuthorizationParameters params = params(Map.of("scope", List.of("read", "read")));

        assertThat(params.single("scope")).isEmpty();
        assertThat(params.isRepeated("scope")).isTrue();
    }

    @Test
    void parameterGivenOnceIsNotRepeated() {
        assertThat(params(Map.of("scope", List.of("read"))).isRepeated("scope")).isFalse();
        assertThat(params(Map.of()).isRepeated("scope")).isFalse();
    }

    @Test
    void firstRepeatedNamesTheAlphabeticallyFirstRepeatedParameter() {
        AuthorizationParameters params = params(Map.of(
                "state", List.of("a", "b"), "nonce", List.of("x", "y"), "client_id", List.of("c")));

        assertThat(params.firstRepeated()).contains("nonce");
    }

    @Test
    void noRepeatedParameterMeansNoFirstRepeated() {
        assertThat(params(Map.of("state", List.of("a"), "scope", List.of(""))).firstRepeated()).isEmpty();
    }

    @Test
    void laterChangesToTheGivenMapDoNotLeakIn() {
        Map<String, List<String>> given = new LinkedHashMap<>();
        given.put("scope", new ArrayList<>(List.of("read")));
        AuthorizationParameters params = params(given);

        given.put("state", List.of("x"));

        assertThat(params.single("state")).isEmpty();
    }

    private static AuthorizationParameters params(Map<String, List<String>> values) {
        return new AuthorizationParameters(values);
    }
}

package dev.whosthat.oauth.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OAuthErrorTest {

    @Test
    void acceptsEveryCharacterOfTheErrorDescriptionCharset() {
        StringBuilder all = new StringBuilder();
        for (char c = 0x20; c <= 0x7E; c++) {
            if (c != '"' && c != '\\') {
                all.append(c);
            }
        }

        assertThat(OAuthError.of(OAuthErrorCode.INVALID_REQUEST, all.toString()).description()).isEqualTo(all.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"say \"no\"", "back\\slash", "line\nbreak", "tab\there", "caf\u00e9", "del\u007f", "nul\u0000"})
    void rejectsDescriptionsOutsideTheCharset(String description) {
        assertThatIllegalArgumentException().isThrownBy(() -> OAuthError.of(OAuthErrorCode.INVALID_GRANT, description));
    }

    @Test
    void needsACodeAndADescription() {
        assertThatNullPointerException().isThrownBy(() -> new OAuthError(null, "x"));
        assertThatNullPointerException().isThrownBy(() -> new OAuthError(OAuthErrorCode.INVALID_GRANT, null));
    }

    @Test
    void wireValuesAreTheRfcErrorCodes() {
        assertThat(OAuthErrorCode.INVALID_CLIENT.wire()).isEqualTo("invalid_client");
        assertThat(OAuthErrorCode.UNAUTHORIZED_CLIENT.wire()).isEqualTo("unauthorized_client");
        assertThat(OAuthErrorCode.INSUFFICIENT_SCOPE.wire()).isEqualTo("insufficient_scope");
        assertThat(OAuthErrorCode.INVALID_CLIENT_METADATA.wire()).isEqualTo("invalid_client_metadata");
        for (OAuthErrorCode code : OAuthErrorCode.values()) {
            if (code != OAuthErrorCode.TOO_MANY_ATTEMPTS) {
                assertThat(code.wire()).isEqualTo(code.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    @Test
    void tooManyAttemptsSpeaksTheRegisteredCodeClosestInMeaning() {
        // No RFC registers a code for throttling: 429 carries the closest registered one.
        assertThat(OAuthErrorCode.TOO_MANY_ATTEMPTS.wire()).isEqualTo("temporarily_unavailable");
    }

    @Test
    void aRetryAfterIsKeptAndOtherwiseAbsent() {
        assertThat(OAuthError.of(OAuthErrorCode.INVALID_GRANT, "x").retryAfter()).isEmpty();
        assertThat(OAuthError.retryAfter(OAuthErrorCode.TOO_MANY_ATTEMPTS, "x", java.time.Duration.ofSeconds(7)).retryAfter())
                .contains(java.time.Duration.ofSeconds(7));
    }
}

package dev.whosthat.oauth.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** What every OAuth response of the tests must look like on the wire. */
public final class OAuthAssertions {

    private OAuthAssertions() {
    }

    /** RFC 6749 §5.1: a JSON body that no cache may keep. */
    public static void assertUncachedJson(Reply reply) {
        assertThat(reply.header("Content-Type")).as(reply.toString())
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(reply.header("Cache-Control")).as(reply.toString()).contains("no-store");
    }

    /** RFC 6749 §5.2: the status, the error code, a description, as uncached JSON. */
    public static void assertOAuthError(Reply reply, int status, String error) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertUncachedJson(reply);
        assertThat(reply.text("error")).as(reply.toString()).isEqualTo(error);
        assertThat(reply.text("error_description")).as(reply.toString()).isNotBlank();
    }

    /** The tokens of a space-delimited scope, whose order carries no meaning (RFC 6749 §3.3). */
    public static Set<String> scopeTokens(String scope) {
        return Arrays.stream(scope.split(" ")).collect(Collectors.toSet());
    }
}

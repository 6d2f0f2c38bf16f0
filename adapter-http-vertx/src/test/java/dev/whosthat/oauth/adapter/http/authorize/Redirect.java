package dev.whosthat.oauth.adapter.http.authorize;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Reply;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A redirect's {@code Location}, read the way the client at the redirect URI reads it. */
record Redirect(String location) {

    /** The Location of a redirect with that status; fails the test on any other reply. */
    static Redirect of(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        return new Redirect(reply.header("Location").orElseThrow(() -> new AssertionError("no Location in " + reply)));
    }

    /** Everything before the query. */
    String base() {
        int q = location.indexOf('?');
        return q < 0 ? location : location.substring(0, q);
    }

    /** The raw query. */
    String query() {
        int q = location.indexOf('?');
        return q < 0 ? "" : location.substring(q + 1);
    }

    /** Every query parameter with all its values, decoded, in order. */
    Map<String, List<String>> params() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** The single value of a parameter; fails the test if it is repeated. */
    Optional<String> param(String name) {
        List<String> values = params().getOrDefault(name, List.of());
        assertThat(values).as(name + " in " + location).hasSizeLessThanOrEqualTo(1);
        return values.stream().findFirst();
    }

    String code() {
        return param("code").orElseThrow(() -> new AssertionError("no code in " + location));
    }
}

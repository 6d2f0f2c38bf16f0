package dev.whosthat.oauth.adapter.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/** Builds {@code application/x-www-form-urlencoded} bodies the way a well-behaved client does. */
public final class Forms {

    private Forms() {
    }

    /** Names and values in turn: {@code of("grant_type", "client_credentials", "scope", "read")}. */
    public static String of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        StringJoiner body = new StringJoiner("&");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.add(encode(namesAndValues[i]) + "=" + encode(namesAndValues[i + 1]));
        }
        return body.toString();
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

package dev.whosthat.oauth.adapter.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpHeaders;
import java.util.Optional;

/** An HTTP response as the tests look at it: status, headers, and the body as text or JSON. */
public record Reply(int status, HttpHeaders headers, String body) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("body is not JSON: " + body, e);
        }
    }

    /** A string member of the JSON body; fails the test when it is missing. */
    public String text(String field) {
        JsonNode node = json().get(field);
        if (node == null || !node.isTextual()) {
            throw new AssertionError("no string member " + field + " in " + body);
        }
        return node.asText();
    }

    @Override
    public String toString() {
        return status + " " + headers.map() + " " + body;
    }
}

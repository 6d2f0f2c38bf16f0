package dev.whosthat.oauth.application.authorize;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw parameters of an authorization request (RFC 6749 §4.1.1), as they came: each name with
 * every value it was given, so that a repeated parameter can be refused (§3.1).
 */
public record AuthorizationParameters(Map<String, List<String>> values) {

    public AuthorizationParameters {
        Map<String, List<String>> copy = new java.util.HashMap<>();
        values.forEach((name, given) -> copy.put(name, List.copyOf(given)));
        values = Map.copyOf(copy);
    }

    /** The one value of a parameter; empty if absent or empty (§3.1: "treated as if omitted"). */
    public Optional<String> single(String name) {
        List<String> given = values.getOrDefault(name, List.of());
        return given.size() == 1 && !given.get(0).isEmpty() ? Optional.of(given.get(0)) : Optional.empty();
    }

    public boolean isRepeated(String name) {
        return values.getOrDefault(name, List.of()).size() > 1;
    }

    public Optional<String> firstRepeated() {
        return values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).sorted().findFirst();
    }
}

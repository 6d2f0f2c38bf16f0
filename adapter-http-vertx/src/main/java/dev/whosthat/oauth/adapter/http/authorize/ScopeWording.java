package dev.whosthat.oauth.adapter.http.authorize;

import dev.whosthat.oauth.domain.scope.Scope;
import java.util.List;
import java.util.Map;

/** Scope tokens in words for the consent page; unknown scopes are named as they are. */
final class ScopeWording {

    private static final Map<String, String> KNOWN = Map.of(
            "read", "Read your data",
            "write", "Change your data",
            "openid", "Know who you are",
            "profile", "See your profile",
            "email", "See your email address",
            "offline_access", "Keep access while you are away");

    private ScopeWording() {
    }

    static List<String> describe(Scope scope) {
        if (scope.isEmpty()) {
            return List.of("Know that you signed in");
        }
        return scope.tokens().stream()
                .map(token -> KNOWN.getOrDefault(token, "Use the permission \u201c" + token + "\u201d"))
                .toList();
    }
}

package dev.whosthat.oauth.adapter.http;

import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A client registered on the {@link TestServer}, with what it presents to authenticate. */
public record TestClient(String id, ClientAuthMethod method, Optional<String> secret) {

    public static TestClient confidential(String id, ClientAuthMethod method, String secret) {
        return new TestClient(id, method, Optional.of(secret));
    }

    public static TestClient publicClient(String id) {
        return new TestClient(id, ClientAuthMethod.NONE, Optional.empty());
    }

    /** RFC 6749 §2.3.1: id and secret are form-encoded, joined by a colon, then base64-encoded. */
    public String basic() {
        return basic(id, secret.orElseThrow());
    }

    /** This client's id with another secret, the way an attacker or a misconfigured client sends it. */
    public String basicWithSecret(String otherSecret) {
        return basic(id, otherSecret);
    }

    private static String basic(String id, String secret) {
        String pair = Forms.encode(id) + ":" + Forms.encode(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}

package dev.whosthat.oauth.adapter.http.authorize;

import dev.whosthat.oauth.adapter.http.Forms;
import dev.whosthat.oauth.adapter.http.TestClient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Authorization requests (RFC 6749 §4.1.1 with RFC 7636 §4.3) as a client builds them. */
final class Authorize {

    private Authorize() {
    }

    /** The authorization endpoint with these parameters, names and values in turn. */
    static String uri(String... params) {
        return AuthorizationRoutes.AUTHORIZE + "?" + Forms.of(params);
    }

    /** A complete, valid request with an S256 challenge. */
    static String[] params(TestClient client, String redirectUri, String scope, String state, Pkce pkce) {
        return new String[] {"response_type", "code", "client_id", client.id(), "redirect_uri", redirectUri, "scope", scope,
                "state", state, "code_challenge", pkce.challenge(), "code_challenge_method", "S256"};
    }

    /** {@code params} with the named parameter taken out. */
    static String[] without(String[] params, String name) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < params.length; i += 2) {
            if (!params[i].equals(name)) {
                kept.add(params[i]);
                kept.add(params[i + 1]);
            }
        }
        return kept.toArray(String[]::new);
    }

    /** {@code params} with the named parameter given this value instead. */
    static String[] replacing(String[] params, String name, String value) {
        return with(without(params, name), name, value);
    }

    /** {@code params} with more parameters appended (a name already there is then repeated). */
    static String[] with(String[] params, String... more) {
        String[] all = Arrays.copyOf(params, params.length + more.length);
        System.arraycopy(more, 0, all, params.length, more.length);
        return all;
    }
}

package dev.whosthat.oauth.bootstrap.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The authorization code flow (RFC 6749 §4.1 with PKCE) as a browser and a client application
 * walk it, every step against a node of their choice.
 */
final class CodeFlow {

    static final String VERIFIER = "a-verifier-of-at-least-forty-three-characters-0123456789";

    private final Deployment app;
    private final Http.Browser browser = new Http.Browser();

    CodeFlow(Deployment app) {
        this.app = app;
    }

    String authorizePath() {
        return "/oauth2/authorize?response_type=code&client_id=" + Http.encode(app.clientId())
                + "&redirect_uri=" + Http.encode(Deployment.REDIRECT_URI) + "&scope=read&state=xyz"
                + "&code_challenge=" + Http.challenge(VERIFIER) + "&code_challenge_method=S256";
    }

    /** Starts at the authorization endpoint: the sign-in page, or straight the redirect when signed in and consented. */
    HttpResponse<String> authorize(int port) {
        return browser.get(port, authorizePath());
    }

    /** Posts the sign-in form of {@code loginPage}; returns the 303 back to the authorization endpoint. */
    HttpResponse<String> signIn(int port, HttpResponse<String> loginPage) {
        Map<String, String> fields = new LinkedHashMap<>(Http.Browser.hiddenFields(loginPage));
        fields.put("username", app.username());
        fields.put("password", app.password());
        HttpResponse<String> response = browser.post(port, "/oauth2/login", fields);
        assertThat(response.statusCode()).as("sign-in answer: %s", response.body()).isEqualTo(303);
        return response;
    }

    /** Follows a redirect back to the server, on {@code port}. */
    HttpResponse<String> follow(int port, HttpResponse<String> redirect) {
        URI location = URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return browser.get(port, location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
    }

    /** Allows on the consent page; returns the redirect to the client. */
    HttpResponse<String> allow(int port, HttpResponse<String> consentPage) {
        Map<String, String> fields = new LinkedHashMap<>(Http.Browser.hiddenFields(consentPage));
        fields.put("decision", "allow");
        return browser.post(port, "/oauth2/consent", fields);
    }

    /** Signs in on one node and consents on the other; returns the code. */
    String codeAcross(int first, int second) {
        HttpResponse<String> login = authorize(first);
        assertThat(login.statusCode()).as("authorize answer: %s", login.body()).isEqualTo(200);
        HttpResponse<String> consent = follow(first, signIn(second, login));
        assertThat(consent.body()).contains("Allow access?");
        return code(allow(second, consent)).orElseThrow(() -> new AssertionError("no code after consent"));
    }

    /** The code of a redirect to the client, if it is one. */
    static Optional<String> code(HttpResponse<String> redirect) {
        return redirect.headers().firstValue("Location")
                .filter(location -> location.startsWith(Deployment.REDIRECT_URI))
                .flatMap(location -> Optional.ofNullable(URI.create(location).getRawQuery()))
                .flatMap(query -> Arrays.stream(query.split("&")).filter(p -> p.startsWith("code=")).findFirst())
                .map(p -> URLDecoder.decode(p.substring(5), StandardCharsets.UTF_8));
    }

    HttpResponse<String> exchange(int port, String code) {
        return Http.token(port, app, "grant_type=authorization_code&code=" + Http.encode(code)
                + "&redirect_uri=" + Http.encode(Deployment.REDIRECT_URI) + "&code_verifier=" + VERIFIER);
    }
}

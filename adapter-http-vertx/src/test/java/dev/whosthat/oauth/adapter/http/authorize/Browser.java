package dev.whosthat.oauth.adapter.http.authorize;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.Forms;
import dev.whosthat.oauth.adapter.http.Reply;
import dev.whosthat.oauth.adapter.http.TestServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * What a browser does on the sign-in and consent pages, over a real socket: it never follows a
 * redirect by itself (the tests look at each one), keeps its own cookies, and posts the forms
 * with the hidden fields the pages carry.
 */
final class Browser {

    static final String SESSION_COOKIE = "whosthat-session";
    static final String CSRF_COOKIE = "whosthat-csrf";

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    private final TestServer server;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    Browser(TestServer server) {
        this.server = server;
    }

    Optional<String> cookie(String name) {
        return Optional.ofNullable(cookies.get(name));
    }

    Reply get(String pathAndQuery) {
        return send(server.request(pathAndQuery).GET());
    }

    /** POST of a form body, as a browser submits a form. */
    Reply post(String path, String formBody) {
        return send(server.request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody)));
    }

    /** Sends with this browser's cookies and keeps the ones the response sets. */
    Reply send(HttpRequest.Builder request) {
        if (!cookies.isEmpty()) {
            StringJoiner header = new StringJoiner("; ");
            cookies.forEach((name, value) -> header.add(name + "=" + value));
            request.header("Cookie", header.toString());
        }
        HttpRequest built = request.build();
        Reply reply;
        try {
            HttpResponse<String> response = HTTP.sendAsync(built, HttpResponse.BodyHandlers.ofString())
                    .get(TIMEOUT.toSeconds() + 1, SECONDS);
            reply = new Reply(response.statusCode(), response.headers(), response.body());
        } catch (ExecutionException e) {
            throw new AssertionError("request failed: " + built, e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no response to " + built, e);
        }
        for (SetCookie cookie : SetCookie.all(reply)) {
            if (cookie.attribute("max-age").filter(age -> age.equals("0")).isPresent()) {
                cookies.remove(cookie.name());
            } else {
                cookies.put(cookie.name(), cookie.value());
            }
        }
        return reply;
    }

    /** Follows a redirect back to this server, as the browser would. */
    Reply follow(Reply redirect) {
        String location = redirect.header("Location").orElseThrow(() -> new AssertionError("no Location in " + redirect));
        assertThat(location).as("a redirect within the server").startsWith("/");
        return get(location);
    }

    /** Submits the sign-in form of {@code loginPage}. */
    Reply signIn(Reply loginPage, String username, String password) {
        return post(AuthorizationRoutes.LOGIN, Forms.of(
                "csrf", Html.hidden(loginPage.body(), "csrf"),
                "authorization_request", Html.hidden(loginPage.body(), "authorization_request"),
                "username", username,
                "password", password));
    }

    /** Presses Allow or Deny ({@code "allow"} or {@code "deny"}) on {@code consentPage}. */
    Reply decide(Reply consentPage, String decision) {
        return post(AuthorizationRoutes.CONSENT, Forms.of(
                "csrf", Html.hidden(consentPage.body(), "csrf"),
                "authorization_request", Html.hidden(consentPage.body(), "authorization_request"),
                "decision", decision));
    }

    /** From a fresh start: the authorization request, sign-in as {@code username}, and the page that follows it. */
    Reply signedIn(String authorizeUri, String username) {
        Reply login = get(authorizeUri);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        Reply signedIn = signIn(login, username, TestServer.USER_PASSWORD);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(303);
        return follow(signedIn);
    }

    /** The whole flow for a user who has not consented yet: sign in, Allow, and the reply that redirects to the client. */
    Reply allowed(String authorizeUri, String username) {
        Reply consent = signedIn(authorizeUri, username);
        assertThat(consent.status()).as(consent.toString()).isEqualTo(200);
        return decide(consent, "allow");
    }
}

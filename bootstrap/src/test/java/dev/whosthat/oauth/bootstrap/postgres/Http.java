package dev.whosthat.oauth.bootstrap.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The OAuth endpoints of a node, called over a socket with the JDK client, as a client
 * application calls them, and a cookie-keeping {@link Browser} for the sign-in pages.
 */
final class Http {

    /** A request that takes longer than this is a hang as far as the tests are concerned. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Http() {
    }

    static HttpResponse<String> token(int port, Deployment app, String form) {
        return post(port, "/oauth2/token", form, app);
    }

    static HttpResponse<String> passwordGrant(int port, Deployment app) {
        return token(port, app, "grant_type=password&username=" + encode(app.username())
                + "&password=" + encode(app.password()) + "&scope=read");
    }

    static HttpResponse<String> refresh(int port, Deployment app, String refreshToken) {
        return token(port, app, "grant_type=refresh_token&refresh_token=" + encode(refreshToken));
    }

    static HttpResponse<String> introspect(int port, Deployment app, String token) {
        return post(port, "/oauth2/introspect", "token=" + encode(token), app);
    }

    static HttpResponse<String> revoke(int port, Deployment app, String token) {
        return post(port, "/oauth2/revoke", "token=" + encode(token), app);
    }

    static HttpResponse<String> get(int port, String path) {
        return send(HttpRequest.newBuilder(url(port, path)).timeout(REQUEST_TIMEOUT).GET().build());
    }

    static HttpResponse<String> me(int port, String accessToken) {
        return send(HttpRequest.newBuilder(url(port, "/api/me")).header("Authorization", "Bearer " + accessToken)
                .timeout(REQUEST_TIMEOUT).GET().build());
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static String field(HttpResponse<String> response, String name) {
        JsonNode value = json(response).get(name);
        if (value == null) {
            throw new AssertionError("no \"" + name + "\" in " + response.statusCode() + " " + response.body());
        }
        return value.asText();
    }

    static boolean active(int port, Deployment app, String token) {
        HttpResponse<String> response = introspect(port, app, token);
        if (response.statusCode() != 200) {
            throw new AssertionError("introspection answered " + response.statusCode() + " " + response.body());
        }
        return json(response).get("active").asBoolean();
    }

    private static HttpResponse<String> post(int port, String path, String form, Deployment app) {
        String basic = Base64.getEncoder().encodeToString(
                (encode(app.clientId()) + ":" + encode(app.secret())).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(url(port, path))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    static URI url(int port, String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /** RFC 7636 §4.2: the S256 challenge of a verifier. */
    static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A browser for the sign-in and consent pages: keeps cookies by name for 127.0.0.1 whatever the
     * port, as a browser keeps them for one host behind a load balancer, and follows no redirect by
     * itself, so that each step can go to another node.
     */
    static final class Browser {

        private static final Pattern HIDDEN = Pattern.compile("name=\"(csrf|authorization_request)\" value=\"([^\"]*)\"");

        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(int port, String pathAndQuery) {
            return remember(send(withCookies(HttpRequest.newBuilder(url(port, pathAndQuery))).timeout(REQUEST_TIMEOUT)
                    .GET().build()));
        }

        HttpResponse<String> post(int port, String path, Map<String, String> fields) {
            return remember(send(withCookies(HttpRequest.newBuilder(url(port, path)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(REQUEST_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofString(form(fields))).build()));
        }

        /** The hidden {@code csrf} and {@code authorization_request} fields of a sign-in or consent page. */
        static Map<String, String> hiddenFields(HttpResponse<String> page) {
            Map<String, String> fields = new LinkedHashMap<>();
            Matcher matcher = HIDDEN.matcher(page.body());
            while (matcher.find()) {
                fields.put(matcher.group(1), unescape(matcher.group(2)));
            }
            if (fields.size() != 2) {
                throw new AssertionError("not a sign-in or consent page: " + page.statusCode() + " " + page.body());
            }
            return fields;
        }

        private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            return request;
        }

        private HttpResponse<String> remember(HttpResponse<String> response) {
            for (String setCookie : response.headers().allValues("set-cookie")) {
                String pair = setCookie.split(";", 2)[0];
                int equals = pair.indexOf('=');
                String name = pair.substring(0, equals).trim();
                String value = pair.substring(equals + 1).trim();
                if (value.isEmpty() || setCookie.toLowerCase().contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }

        private static String unescape(String html) {
            return html.replace("&quot;", "\"").replace("&#34;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&#38;", "&").replace("&amp;", "&");
        }
    }
}

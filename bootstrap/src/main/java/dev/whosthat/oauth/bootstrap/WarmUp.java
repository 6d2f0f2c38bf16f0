package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.bootstrap.config.MetricsSettings;
import dev.whosthat.oauth.bootstrap.config.OperationsSettings;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.bootstrap.config.StorageSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One short run of the server against itself: started in memory on a free loopback port with the
 * configured settings and a throw-away demo client and user, it answers one request of every kind a
 * deployment serves, over HTTP, and stops. Run under {@code -XX:ArchiveClassesAtExit=FILE}, it
 * leaves a class-data archive of what a start and the first requests load; a server started with
 * {@code -XX:SharedArchiveFile=FILE} maps it instead of loading and verifying thousands of classes
 * one by one, which is about half of a start on one CPU (README, Performance). Every answer is
 * checked, so that the run doubles as a smoke test of the jar on the machine it will run on.
 */
public final class WarmUp {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final Pattern REFRESH_TOKEN = Pattern.compile("\"refresh_token\":\"([^\"]+)\"");

    private final String base;
    private final String basic;
    private int answered;

    private WarmUp(int port, DemoSeed demo) {
        this.base = "http://127.0.0.1:" + port;
        this.basic = "Basic " + Base64.getEncoder().encodeToString(
                (DemoSeed.CLIENT_ID + ":" + demo.clientSecret.value()).getBytes(StandardCharsets.UTF_8));
    }

    /** Runs the server once, in memory whatever the configured storage; returns the number of requests answered. */
    public static int run(ServerConfig configured) throws Exception {
        DemoSeed demo = DemoSeed.random();
        try (OAuthServer server = OAuthServer.start(demo.addTo(localCopyOf(configured)))) {
            WarmUp warmUp = new WarmUp(server.port(), demo);
            warmUp.requests(demo, configured.operations().metrics().enabled());
            return warmUp.answered;
        }
    }

    /** Nothing of the run may reach the configured database or ports. */
    private static ServerConfig localCopyOf(ServerConfig config) {
        OperationsSettings operations = config.operations().withMetrics(
                config.operations().metrics().enabled() ? MetricsSettings.MAIN_LISTENER : MetricsSettings.OFF);
        return new ServerConfig(config.issuer(), "127.0.0.1", 0, StorageSettings.MEMORY, config.clients(), config.users(),
                config.tokenLifetimes(), config.passwordHashing(), config.throttling(), true, operations);
    }

    private void requests(DemoSeed demo, boolean metrics) throws IOException {
        expect(200, "GET", "/api/hello", null, null);
        String clientToken = field(ACCESS_TOKEN, expect(200, "POST", "/oauth2/token", basic, "grant_type=client_credentials"));
        expect(200, "POST", "/oauth2/introspect", basic, "token=" + clientToken);
        expect(200, "GET", "/api/me", "Bearer " + clientToken, null);
        expect(401, "GET", "/api/me", "Bearer not-a-token", null);
        expect(401, "POST", "/oauth2/token", "Basic " + Base64.getEncoder().encodeToString(
                (DemoSeed.CLIENT_ID + ":wrong").getBytes(StandardCharsets.UTF_8)), "grant_type=client_credentials");
        String userTokens = expect(200, "POST", "/oauth2/token", basic, "grant_type=password&username=" + DemoSeed.USERNAME
                + "&password=" + URLEncoder.encode(demo.password.value(), StandardCharsets.UTF_8));
        String refreshed = expect(200, "POST", "/oauth2/token", basic,
                "grant_type=refresh_token&refresh_token=" + field(REFRESH_TOKEN, userTokens));
        expect(200, "POST", "/oauth2/revoke", basic, "token=" + field(ACCESS_TOKEN, refreshed));
        expect(200, "GET", "/oauth2/authorize?response_type=code&client_id=" + DemoSeed.BROWSER_CLIENT_ID
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=warm-up", null, null);
        expect(200, "GET", "/.well-known/oauth-authorization-server", null, null);
        expect(200, "GET", "/health/live", null, null);
        expect(200, "GET", "/health/ready", null, null);
        if (metrics) {
            expect(200, "GET", "/metrics", null, null);
        }
    }

    /** One request; its body, if it had the expected status. */
    private String expect(int status, String method, String path, String authorization, String form) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) URI.create(base + path).toURL().openConnection();
        connection.setRequestMethod(method);
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(60_000);
        if (authorization != null) {
            connection.setRequestProperty("Authorization", authorization);
        }
        if (form != null) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream body = connection.getOutputStream()) {
                body.write(form.getBytes(StandardCharsets.UTF_8));
            }
        }
        int actual = connection.getResponseCode();
        InputStream stream = actual < 400 ? connection.getInputStream() : connection.getErrorStream();
        String body = stream == null ? "" : new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        if (actual != status) {
            throw new IllegalStateException("warm-up: " + method + " " + path.replaceFirst("\\?.*", "")
                    + " answered " + actual + ", expected " + status);
        }
        answered++;
        return body;
    }

    private static String field(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("warm-up: a token response without the expected token");
        }
        return matcher.group(1);
    }
}

package dev.whosthat.oauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.domain.user.Password;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fat jar, started as a user starts it: {@code java -jar bootstrap/target/oauth-server.jar}. */
class OAuthServerJarIT {

    private static final Duration START = Duration.ofSeconds(30);
    private static final Pattern DEMO_SECRET = Pattern.compile("demo client: demo-client {2}secret: (\\S+)");
    private static final Pattern DEMO_PASSWORD = Pattern.compile("demo user: {3}demo {2}password: (\\S+)");

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process process : started) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void demoModeStartsWithAWarningAndCredentialsThatWork() throws Exception {
        int port = freePort();
        Output out = start(Map.of("OAUTH_HTTP_PORT", String.valueOf(port)));
        String banner = out.waitFor("revoke");

        assertThat(banner).contains("WARNING: demo mode").contains("not for production")
                .contains("curl -s -u 'demo-client:");
        String secret = group(DEMO_SECRET, banner);
        String password = group(DEMO_PASSWORD, banner);

        HttpResponse<String> cc = token(port, "demo-client", secret, "grant_type=client_credentials");
        assertThat(cc.statusCode()).isEqualTo(200);
        assertThat(cc.body()).contains("\"token_type\":\"Bearer\"").doesNotContain("refresh_token");

        HttpResponse<String> pw = token(port, "demo-client", secret,
                "grant_type=password&username=demo&password=" + password);
        assertThat(pw.statusCode()).isEqualTo(200);
        assertThat(pw.body()).contains("\"refresh_token\"");
        String accessToken = pw.body().replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> me = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/me"))
                .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"demo\"").contains("\"client_id\":\"demo-client\"");
    }

    @Test
    void configFileDefinesIssuerClientsAndUsers(@TempDir Path dir) throws Exception {
        int port = freePort();
        String secret = "s".repeat(16) + "-configured-secret-value";
        Path config = dir.resolve("server.json");
        Files.writeString(config, """
                {"issuer": "http://127.0.0.1:%d",
                 "http": {"host": "127.0.0.1", "port": %d},
                 "storage": {"kind": "memory"},
                 "clients": [{"client_id": "c1", "client_secret": "%s",
                              "token_endpoint_auth_method": "client_secret_basic",
                              "grant_types": ["client_credentials", "password", "refresh_token", "authorization_code"],
                              "redirect_uris": ["http://127.0.0.1:7000/cb"], "scope": "read write"}],
                 "users": [{"username": "alice", "password": "alice-password"}]}
                """.formatted(port, port, secret));
        Output out = start(Map.of(), "--config", config.toString());
        out.waitFor("listening");

        HttpResponse<String> metadata = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/.well-known/oauth-authorization-server")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(metadata.body()).contains("\"issuer\":\"http://127.0.0.1:" + port + "\"");

        HttpResponse<String> pw = token(port, "c1", secret, "grant_type=password&username=alice&password=alice-password&scope=read");
        assertThat(pw.statusCode()).isEqualTo(200);
        assertThat(pw.body()).contains("\"refresh_token\"").doesNotContain("\"scope\"");
        assertThat(out.text()).doesNotContain("WARNING: demo mode").doesNotContain(secret).doesNotContain("alice-password");
    }

    @Test
    void warmUpLeavesAClassDataArchiveThatTheNextStartMaps(@TempDir Path dir) throws Exception {
        int port = freePort();
        String secret = "s".repeat(16) + "-configured-secret-value";
        String hash = new Argon2idPasswordHasher(Argon2idPasswordHasher.Cost.OWASP_MINIMUM, Runnable::run)
                .hash(new Password("alice-password")).toCompletableFuture().join().encoded();
        Path config = dir.resolve("server.json");
        Files.writeString(config, """
                {"issuer": "http://127.0.0.1:%d", "http": {"host": "127.0.0.1", "port": %d},
                 "clients": [{"client_id": "c1", "client_secret": "%s", "grant_types": ["password"], "scope": "read"}],
                 "users": [{"username": "alice", "password_hash": "%s"}]}
                """.formatted(port, port, secret, hash));
        Path archive = dir.resolve("oauth-server.jsa");

        Process warmUp = new ProcessBuilder(javaCommand(List.of("-XX:ArchiveClassesAtExit=" + archive),
                "warm-up", "--config", config.toString())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(warmUp);
        String printed = new String(warmUp.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(warmUp.waitFor(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(warmUp.exitValue()).as(printed).isZero();
        assertThat(printed).contains("warm-up: 14 requests answered as expected");
        assertThat(archive).isNotEmptyFile();

        startMapping(archive, config);
        HttpResponse<String> pw = token(port, "c1", secret, "grant_type=password&username=alice&password=alice-password");
        assertThat(pw.statusCode()).as(pw.body()).isEqualTo(200);
    }

    /** The README's start command maps the archive that the build leaves beside the jar. */
    @Test
    void theBuildLeavesAClassDataArchiveBesideTheJarThatAStartMaps(@TempDir Path dir) throws Exception {
        Path archive = Path.of(System.getProperty("server.jar", "target/oauth-server.jar").replaceFirst("\\.jar$", ".jsa"));
        assertThat(archive).isNotEmptyFile();
        int port = freePort();
        String secret = "s".repeat(16) + "-configured-secret-value";
        Path config = Files.writeString(dir.resolve("server.json"), """
                {"issuer": "http://127.0.0.1:%d", "http": {"host": "127.0.0.1", "port": %d},
                 "clients": [{"client_id": "c1", "client_secret": "%s"}]}
                """.formatted(port, port, secret));

        startMapping(archive, config);
        HttpResponse<String> cc = token(port, "c1", secret, "grant_type=client_credentials");
        assertThat(cc.statusCode()).as(cc.body()).isEqualTo(200);
    }

    /** Starts the server from the archive, and checks that its classes came from it. */
    private void startMapping(Path archive, Path config) throws Exception {
        // -Xshare:on: a start that cannot map the archive fails instead of quietly loading every class.
        Output out = start(List.of("-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:class+load=info"),
                Map.of(), "--config", config.toString());
        out.waitFor("listening");
        assertThat(out.text()).containsPattern("dev\\.whosthat\\.oauth\\.bootstrap\\.OAuthServer source: shared objects file");
    }

    @Test
    void nettysFlightRecorderEventsStayOffUnlessAskedFor(@TempDir Path dir) throws Exception {
        String allocatorEvent = "io.netty.buffer.AllocateChunkEvent";

        assertThat(classesLoadedServing(dir, List.of())).doesNotContain(allocatorEvent);
        assertThat(classesLoadedServing(dir, List.of("-Dio.netty.jfr.enabled=true"))).contains(allocatorEvent);
    }

    /** What a server started with these JVM options printed, class loading included, once it answered a token request. */
    private String classesLoadedServing(Path dir, List<String> jvmOptions) throws Exception {
        int port = freePort();
        String secret = "s".repeat(16) + "-configured-secret-value";
        Path config = Files.writeString(dir.resolve("server-" + port + ".json"), """
                {"issuer": "http://127.0.0.1:%d", "http": {"host": "127.0.0.1", "port": %d},
                 "clients": [{"client_id": "c1", "client_secret": "%s"}]}
                """.formatted(port, port, secret));
        List<String> options = new ArrayList<>(jvmOptions);
        options.add("-Xlog:class+load=info");
        Output out = start(options, Map.of(), "--config", config.toString());
        out.waitFor("listening");
        assertThat(token(port, "c1", secret, "grant_type=client_credentials").statusCode()).isEqualTo(200);
        return out.text();
    }

    @Test
    void badConfigStopsStartUpWithOneClearLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.json");
        Files.writeString(config, "{\"clients\": [{\"client_id\": \"c1\", \"secret\": \"x\"}]}");
        Process process = new ProcessBuilder(javaCommand("--config", config.toString())).redirectErrorStream(true).start();
        started.add(process);
        assertThat(process.waitFor(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).startsWith("error: config:").contains("secret").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(output.lines().count()).isEqualTo(1);
    }

    @Test
    void adminCommandsPrintOnlyTheirDataOnStandardOutputAndExitWithTheirCodes(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("server.json");
        Files.writeString(config, """
                {"storage": {"kind": "memory"},
                 "clients": [{"client_id": "c1", "client_secret": "%s"}]}
                """.formatted("s".repeat(40)));

        Run listed = run("", "clients", "list", "--config", config.toString());
        Run refused = run("", "users", "create", "bob", "--config", config.toString());
        Run hashed = run("a passphrase\n", "hash-password");

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).isEqualTo("c1\tclient_secret_basic\tclient_credentials\t-\t-\ttrue\tc1\n");
        assertThat(refused.exitCode()).isEqualTo(5);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err().lines()).singleElement().asString().startsWith("error: storage is memory");
        assertThat(hashed.exitCode()).isZero();
        assertThat(hashed.out()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$").doesNotContain("passphrase");
    }

    /** A command run to its end: exit code, standard output and standard error apart. */
    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String stdin, String... args) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(args)).redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().keySet().removeIf(name -> name.startsWith("OAUTH_"));
        Process process = builder.start();
        started.add(process);
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(START.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, err.get(START.toSeconds(), TimeUnit.SECONDS));
    }

    /**
     * SIGTERM while a slow password grant (a deliberately costly Argon2id) is in flight: the listener
     * closes at once, the request still gets its answer, and the process exits 0 once it is out.
     */
    @Test
    void sigtermFinishesTheRequestInFlightRefusesNewConnectionsAndExitsZero(@TempDir Path dir) throws Exception {
        int port = freePort();
        String secret = "s".repeat(16) + "-configured-secret-value";
        Path config = dir.resolve("server.json");
        Files.writeString(config, """
                {"http": {"host": "127.0.0.1", "port": %d},
                 "password_hashing": {"memory_kib": 19456, "iterations": 80, "parallelism": 1},
                 "shutdown": {"grace_seconds": 120},
                 "logging": {"format": "json"},
                 "clients": [{"client_id": "c1", "client_secret": "%s", "grant_types": ["password"], "scope": "read"}],
                 "users": [{"username": "alice", "password": "alice-password"}]}
                """.formatted(port, secret));
        Output out = start(Map.of(), "--config", config.toString());
        Process process = started.get(started.size() - 1);
        out.waitFor("listening");

        CompletableFuture<HttpResponse<String>> inFlight = tokenAsync(port, "c1", secret,
                "grant_type=password&username=alice&password=alice-password");
        awaitActivePost(port);
        // SIGTERM, through the handle: Process.destroy() would also close our end of its output.
        assertThat(process.toHandle().destroy()).isTrue();

        awaitConnectionRefused(port);
        HttpResponse<String> answered = inFlight.get(120, TimeUnit.SECONDS);
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
        assertThat(answered.body()).contains("\"access_token\"");
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out.text()).isEqualTo(0);
        String log = out.waitFor("\"message\":\"stopped\"");
        assertThat(log).contains("shutting down").doesNotContain(secret).doesNotContain("alice-password");
        // JSON lines, the access log's among them
        assertThat(log).containsPattern("\\{\"timestamp\":[^\\n]*\"logger\":\"dev.whosthat.oauth.access\"[^\\n]*\"status\":200");
    }

    private static CompletableFuture<HttpResponse<String>> tokenAsync(int port, String clientId, String secret, String form) {
        // A client of its own, so that the request has a connection of its own.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .sendAsync(tokenRequest(port, clientId, secret, form), HttpResponse.BodyHandlers.ofString());
    }

    /** Until the server's own gauge shows the token request being handled: it is in, not on its way. */
    private void awaitActivePost(int port) throws Exception {
        HttpClient scraper = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            String scrape = scraper.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            // The scrape counts itself: a second request in flight is the token request.
            boolean active = scrape.lines()
                    .filter(line -> line.startsWith("oauth_requests_in_flight "))
                    .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 2);
            if (active) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the token request never became active");
    }

    private static void awaitConnectionRefused(int port) throws Exception {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (ConnectException refused) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the listener still accepts connections after SIGTERM");
    }

    private HttpResponse<String> token(int port, String clientId, String secret, String form) throws Exception {
        return http.send(tokenRequest(port, clientId, secret, form), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest tokenRequest(int port, String clientId, String secret, String form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
    }

    private Output start(Map<String, String> env, String... args) throws IOException {
        return start(List.of(), env, args);
    }

    private Output start(List<String> jvmOptions, Map<String, String> env, String... args) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(javaCommand(jvmOptions, args)).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("OAUTH_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        return new Output(process);
    }

    private static List<String> javaCommand(String... args) {
        return javaCommand(List.of(), args);
    }

    private static List<String> javaCommand(List<String> jvmOptions, String... args) {
        String jar = System.getProperty("server.jar", "target/oauth-server.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar));
        command.addAll(List.of(args));
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String group(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        assertThat(matcher.find()).as("output contains %s", pattern).isTrue();
        return matcher.group(1);
    }

    /** Collects a process's output on a thread of its own, so that the process never blocks on a full pipe. */
    private static final class Output {
        private final StringBuffer text = new StringBuffer();
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Output(Process process) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        text.append(line).append('\n');
                        lines.add(line);
                    }
                } catch (IOException closed) {
                    // the process ended
                }
            }, "server-output");
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits for a line containing {@code marker}; returns everything printed so far. */
        String waitFor(String marker) throws InterruptedException {
            long deadline = System.nanoTime() + START.toNanos();
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.contains(marker)) {
                    return text.toString();
                }
            }
            throw new AssertionError("no line with '" + marker + "' within " + START + "; output:\n" + text);
        }

        String text() {
            return text.toString();
        }
    }
}

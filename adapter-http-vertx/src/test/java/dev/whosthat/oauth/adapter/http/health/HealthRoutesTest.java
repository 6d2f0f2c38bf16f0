package dev.whosthat.oauth.adapter.http.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.http.observe.ObservedRequest;
import dev.whosthat.oauth.adapter.http.observe.RequestObservation;
import dev.whosthat.oauth.domain.port.StorageHealth;
import dev.whosthat.oauth.domain.port.StorageUnavailableException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Liveness and readiness over a socket, with storages that answer, fail, throw or never answer. */
class HealthRoutesTest {

    private static final Duration READINESS_TIMEOUT = Duration.ofMillis(300);

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicReference<StorageHealth> storage = new AtomicReference<>(() -> CompletableFuture.completedFuture(null));
    private final AtomicBoolean serving = new AtomicBoolean(true);
    private final List<ObservedRequest> observed = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(new RequestObservation(observed::add, Map.of()));
        HealthRoutes.mount(router, () -> storage.get().check(), serving::get, READINESS_TIMEOUT);
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void livenessIsUpWhateverTheStorage() throws Exception {
        storage.set(() -> new CompletableFuture<>());

        HttpResponse<String> live = get("/health/live");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).isEqualTo("{\"status\":\"up\"}");
    }

    @Test
    void readyWhenTheStorageAnswers() throws Exception {
        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).isEqualTo("{\"status\":\"ready\"}");
    }

    @Test
    void unavailableStorageIs503WithAReasonAndNoDetail() throws Exception {
        storage.set(() -> CompletableFuture.failedFuture(new StorageUnavailableException("db.internal:5432 refused")));

        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"status\":\"unavailable\"").contains("\"reason\":\"storage_unavailable\"")
                .doesNotContain("db.internal");
    }

    @Test
    void aStorageThatNeverAnswersIs503AfterTheTimeoutNotAHang() throws Exception {
        storage.set(() -> new CompletableFuture<>());

        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"reason\":\"storage_timeout\"");
    }

    @Test
    void aCheckThatThrowsIs503NotA500() throws Exception {
        storage.set(() -> {
            throw new IllegalStateException("bug");
        });

        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"reason\":\"storage_unavailable\"");
    }

    @Test
    void notReadyWhileShuttingDownEvenWithAHealthyStorage() throws Exception {
        serving.set(false);

        HttpResponse<String> ready = get("/health/ready");

        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"reason\":\"shutting_down\"");
        assertThat(get("/health/live").statusCode()).isEqualTo(200);
    }

    @Test
    void probesAreObservedAsTheHealthEndpointWithoutTheirQuery() throws Exception {
        get("/health/ready?token=should-not-appear");

        assertThat(observed).singleElement().satisfies(request -> {
            assertThat(request.endpoint()).isEqualTo("health");
            assertThat(request.path()).isEqualTo("/health/ready");
            assertThat(request.status()).isEqualTo(200);
            assertThat(request.outcome()).isEqualTo("ok");
            assertThat(request.clientId()).isEmpty();
        });
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.adapter.http.OAuthHttpSettings;
import dev.whosthat.oauth.adapter.http.OAuthRoutes;
import dev.whosthat.oauth.adapter.http.resource.DemoResources;
import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.adapter.memory.SecureRandomTokenGenerator;
import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.application.client.ClientRegistration;
import dev.whosthat.oauth.bootstrap.config.ConfigException;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running server: the adapters chosen by the configuration, wired around the use cases. */
public final class OAuthServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthServer.class);
    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final int SWEEP_BATCH = 10_000;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final HttpServer http;
    private final ExecutorService passwordHashing;
    private final StorageAdapters storage;
    private final String issuer;

    private OAuthServer(Vertx vertx, HttpServer http, ExecutorService passwordHashing, StorageAdapters storage,
                        String issuer) {
        this.vertx = vertx;
        this.http = http;
        this.passwordHashing = passwordHashing;
        this.storage = storage;
        this.issuer = issuer;
    }

    /**
     * Builds and starts the server, blocking the calling thread (never an event loop) until it
     * listens. Configuration faults are {@link ConfigException}s with one clear line.
     */
    public static OAuthServer start(ServerConfig config) throws Exception {
        Clock clock = Clock.systemUTC();
        Vertx vertx = Vertx.vertx();
        StorageAdapters storage;
        try {
            storage = StorageAdapters.of(config.storage(), vertx, clock);
        } catch (RuntimeException unusable) {
            vertx.close();
            throw unusable;
        }
        ExecutorService passwordHashing = Executors.newFixedThreadPool(
                Math.max(2, Runtime.getRuntime().availableProcessors()), daemonThreads("password-hash-"));
        OAuthUseCases.Ports ports = new OAuthUseCases.Ports(
                storage.clients(), storage.users(), storage.tokens(), storage.codes(), storage.sessions(), storage.consents(),
                new Argon2idPasswordHasher(config.passwordHashing(), passwordHashing),
                new SecureRandomTokenGenerator(), clock);
        OAuthUseCases useCases = OAuthUseCases.wire(ports, config.tokenLifetimes());
        try {
            ConfigSeed.apply(ports, config);
            OAuthHttpSettings settings = new OAuthHttpSettings(config.issuer(), OAuthHttpSettings.DEFAULT_BODY_LIMIT,
                    scopesOf(config.clients()), config.tokenLifetimes());
            Router router = OAuthRoutes.router(vertx, useCases, settings);
            DemoResources.mount(router, useCases.validateBearerToken(), settings.realm());
            if (config.demo()) {
                DemoPage.mount(router);
            }
            HttpServer http = vertx.createHttpServer()
                    .requestHandler(router)
                    .listen(config.port(), config.host())
                    .toCompletionStage().toCompletableFuture()
                    .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            vertx.setPeriodic(SWEEP_INTERVAL.toMillis(), timer -> storage
                    .sweepExpired(clock.instant(), SWEEP_BATCH)
                    .whenComplete((swept, failure) -> {
                        if (failure != null) {
                            // Storage outages are reported by the requests too; one line is enough here.
                            LOG.warn("expiry sweep failed: {}", failure.getCause() != null ? failure.getCause() : failure);
                        } else if (swept > 0) {
                            LOG.debug("swept {} expired entries", swept);
                        }
                    }));
            return new OAuthServer(vertx, http, passwordHashing, storage, config.issuer());
        } catch (Exception startFailure) {
            storage.close();
            vertx.close();
            passwordHashing.shutdownNow();
            throw startFailure;
        }
    }

    private static List<String> scopesOf(List<ClientRegistration> clients) {
        Set<String> scopes = new LinkedHashSet<>();
        clients.forEach(client -> scopes.addAll(client.scope().tokens()));
        return List.copyOf(scopes);
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public int port() {
        return http.actualPort();
    }

    public String issuer() {
        return issuer;
    }

    @Override
    public void close() throws Exception {
        http.close().toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        storage.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        passwordHashing.shutdown();
    }
}

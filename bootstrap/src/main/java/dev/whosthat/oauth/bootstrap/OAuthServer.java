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
import dev.whosthat.oauth.domain.port.AuditTrail;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A running server: the adapters chosen by the configuration, wired around the use cases. */
public final class OAuthServer implements AutoCloseable {

    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    private static final int PASSWORD_QUEUE_PER_THREAD = 64;

    private final Vertx vertx;
    private final HttpServer http;
    private final ExecutorService passwordHashing;
    private final StorageAdapters storage;
    private final ExpirySweeper sweeper;
    private final String issuer;

    private OAuthServer(Vertx vertx, HttpServer http, ExecutorService passwordHashing, StorageAdapters storage,
                        ExpirySweeper sweeper, String issuer) {
        this.vertx = vertx;
        this.http = http;
        this.passwordHashing = passwordHashing;
        this.storage = storage;
        this.sweeper = sweeper;
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
        ExecutorService passwordHashing = passwordHashingPool();
        OAuthUseCases.Ports ports = new OAuthUseCases.Ports(
                storage.clients(), storage.users(), storage.tokens(), storage.codes(), storage.sessions(), storage.consents(),
                storage.failures(), new Argon2idPasswordHasher(config.passwordHashing(), passwordHashing),
                new SecureRandomTokenGenerator(), AuditTrail.NONE, clock);
        OAuthUseCases useCases = OAuthUseCases.wire(ports, config.tokenLifetimes(), config.throttling());
        try {
            ConfigSeed.apply(ports, config);
            OAuthHttpSettings settings = new OAuthHttpSettings(config.issuer(), OAuthHttpSettings.DEFAULT_BODY_LIMIT,
                    scopesOf(config.clients()), config.tokenLifetimes());
            Router router = OAuthRoutes.router(vertx, useCases, settings);
            DemoResources.mount(router, useCases.validateBearerToken(), settings.realm());
            if (config.demo()) {
                DemoPage.mount(router);
            }
            HttpServer http = vertx.createHttpServer(httpOptions())
                    .requestHandler(router)
                    .listen(config.port(), config.host())
                    .toCompletionStage().toCompletableFuture()
                    .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            ExpirySweeper sweeper = new ExpirySweeper(storage, clock, SWEEP_INTERVAL);
            return new OAuthServer(vertx, http, passwordHashing, storage, sweeper, config.issuer());
        } catch (Exception startFailure) {
            storage.close();
            vertx.close();
            passwordHashing.shutdownNow();
            throw startFailure;
        }
    }

    /**
     * Argon2id takes tens of milliseconds and 19 MiB per hash: one thread per core, and a bounded
     * queue, so that a flood of sign-ins is refused (503) instead of queueing without end.
     */
    private static ExecutorService passwordHashingPool() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(threads * PASSWORD_QUEUE_PER_THREAD), daemonThreads("password-hash-"),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Idle connections are closed after a while (a slow client cannot hold one for ever), and the
     * request line may carry a whole authorization request: the sign-in page redirects a posted one
     * (up to the form limit) to a GET.
     */
    private static HttpServerOptions httpOptions() {
        return new HttpServerOptions()
                .setIdleTimeout((int) IDLE_TIMEOUT.toSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxInitialLineLength(OAuthHttpSettings.DEFAULT_BODY_LIMIT + 4096);
    }

    private static List<String> scopesOf(List<ClientRegistration> clients) {
        Set<String> scopes = new LinkedHashSet<>();
        clients.forEach(client -> scopes.addAll(client.scope().tokens()));
        return List.copyOf(scopes);
    }

    /** Threads that never keep the JVM alive, named for thread dumps. */
    static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
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
        sweeper.close();
        http.close().toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        storage.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        passwordHashing.shutdown();
    }
}

package dev.whosthat.oauth.bootstrap;

import dev.whosthat.oauth.adapter.http.OAuthHttpSettings;
import dev.whosthat.oauth.adapter.http.OAuthRoutes;
import dev.whosthat.oauth.adapter.http.health.HealthRoutes;
import dev.whosthat.oauth.adapter.http.observe.RequestFacts;
import dev.whosthat.oauth.adapter.http.observe.RequestObserver;
import dev.whosthat.oauth.adapter.http.support.MethodNotAllowed;
import dev.whosthat.oauth.adapter.http.resource.DemoResources;
import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.adapter.memory.SecureRandomTokenGenerator;
import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.application.client.ClientRegistration;
import dev.whosthat.oauth.bootstrap.config.ConfigException;
import dev.whosthat.oauth.bootstrap.config.MetricsSettings;
import dev.whosthat.oauth.bootstrap.observe.AccessLog;
import dev.whosthat.oauth.bootstrap.observe.AuditLog;
import dev.whosthat.oauth.bootstrap.observe.Metrics;
import dev.whosthat.oauth.bootstrap.config.ServerConfig;
import dev.whosthat.oauth.domain.port.AuditTrail;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running server: the adapters chosen by the configuration, wired around the use cases. */
public final class OAuthServer implements AutoCloseable {

    private static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(60);
    private static final int PASSWORD_QUEUE_PER_THREAD = 64;
    /**
     * How long readiness waits for the storage: a healthy database answers {@code SELECT 1} in
     * milliseconds, and a probe that waited as long as a request may (several seconds) would hang
     * the prober instead of telling it something.
     */
    static final Duration READINESS_TIMEOUT = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(OAuthServer.class);

    private final Vertx vertx;
    private final HttpListeners http;
    private final Optional<HttpServer> metricsListener;
    private final ExecutorService passwordHashing;
    private final StorageAdapters storage;
    private final ExpirySweeper sweeper;
    private final String issuer;
    private final AtomicBoolean serving;
    private final Duration shutdownGrace;

    private OAuthServer(Vertx vertx, HttpListeners http, Optional<HttpServer> metricsListener, ExecutorService passwordHashing,
                        StorageAdapters storage, ExpirySweeper sweeper, String issuer, AtomicBoolean serving,
                        Duration shutdownGrace) {
        this.vertx = vertx;
        this.http = http;
        this.metricsListener = metricsListener;
        this.passwordHashing = passwordHashing;
        this.storage = storage;
        this.sweeper = sweeper;
        this.issuer = issuer;
        this.serving = serving;
        this.shutdownGrace = shutdownGrace;
    }

    /**
     * Builds and starts the server, blocking the calling thread (never an event loop) until it
     * listens. Configuration faults are {@link ConfigException}s with one clear line.
     */
    public static OAuthServer start(ServerConfig config) throws Exception {
        Clock clock = Clock.systemUTC();
        MetricsSettings exposure = config.operations().metrics();
        Optional<Metrics> metrics = exposure.enabled() ? Optional.of(new Metrics()) : Optional.empty();
        Vertx vertx = metrics.map(Metrics::vertx).orElseGet(Vertx::vertx);
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
                new SecureRandomTokenGenerator(), auditTrail(metrics), clock);
        OAuthUseCases useCases = OAuthUseCases.wire(ports, config.tokenLifetimes(), config.throttling());
        try {
            ConfigSeed.apply(ports, config);
            OAuthHttpSettings settings = new OAuthHttpSettings(config.issuer(), OAuthHttpSettings.DEFAULT_BODY_LIMIT,
                    scopesOf(config.clients()), config.tokenLifetimes());
            Router router = OAuthRoutes.router(vertx, useCases, settings, requestObserver(metrics));
            AtomicBoolean serving = new AtomicBoolean(true);
            HealthRoutes.mount(router, storage.health(), serving::get, READINESS_TIMEOUT);
            if (exposure.exposure() == MetricsSettings.Exposure.MAIN_LISTENER) {
                mountMetrics(router, metrics.orElseThrow());
            }
            DemoResources.mount(router, useCases.validateBearerToken(), settings.realm());
            if (config.demo()) {
                DemoPage.mount(router);
            }
            HttpListeners http = HttpListeners.listen(vertx, eventLoops(), httpOptions(), router, config.port(), config.host())
                    .toCompletionStage().toCompletableFuture()
                    .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Optional<HttpServer> metricsListener = Optional.empty();
            if (exposure.exposure() == MetricsSettings.Exposure.OWN_LISTENER) {
                Router metricsRouter = Router.router(vertx);
                mountMetrics(metricsRouter, metrics.orElseThrow());
                // Scrapers speak HTTP/1.1; without the h2c upgrade path, an upgrading client (the JDK's
                // HttpClient does by default) sometimes waited for its first scrape until the idle timeout.
                metricsListener = Optional.of(vertx.createHttpServer(httpOptions().setHttp2ClearTextEnabled(false))
                        .requestHandler(metricsRouter)
                        .listen(exposure.port(), exposure.host())
                        .toCompletionStage().toCompletableFuture()
                        .get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS));
            }
            ExpirySweeper sweeper = new ExpirySweeper(storage, clock, SWEEP_INTERVAL);
            return new OAuthServer(vertx, http, metricsListener, passwordHashing, storage, sweeper, config.issuer(), serving,
                    config.operations().shutdownGrace());
        } catch (Exception startFailure) {
            storage.close();
            vertx.close();
            passwordHashing.shutdownNow();
            throw startFailure;
        }
    }

    /**
     * One listener per core the JVM may use (its CPU quota or affinity included): Vert.x's default
     * pool has twice as many event loops, so each listener has one to itself.
     */
    static int eventLoops() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * The security events go to the audit logger, and are counted when metrics are on. Nothing
     * emits them into the trail but the use cases.
     */
    private static AuditTrail auditTrail(Optional<Metrics> metrics) {
        AuditTrail log = new AuditLog();
        return metrics.map(m -> log.andThen(m.securityEvents())).orElse(log);
    }

    private static RequestObserver requestObserver(Optional<Metrics> metrics) {
        RequestObserver log = new AccessLog();
        return metrics.map(m -> log.andThen(m.requests())).orElse(log);
    }

    private static void mountMetrics(Router router, Metrics metrics) {
        router.route(Metrics.PATH).handler(ctx -> {
            RequestFacts.of(ctx).endpoint("metrics");
            ctx.next();
        });
        router.get(Metrics.PATH).handler(metrics.scrape());
        router.route(Metrics.PATH).handler(new MethodNotAllowed("GET"));
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
     * A connection that sends nothing for a while is closed (a slow client cannot hold one for
     * ever), and the request line may carry a whole authorization request: the sign-in page
     * redirects a posted one (up to the form limit) to a GET. The timeout watches reads only: every
     * answer is short, and a timeout that watched writes too would add a listener to every one.
     * The server speaks no WebSocket: without compression to offer, Vert.x leaves the WebSocket
     * extension handler out of every connection's pipeline, which every request passed through
     * (half a percent of a token request's CPU).
     *
     * <p>Strict thread mode: every answer is written on its connection's event loop (the handlers
     * run there, and {@code Stages.onEventLoop} brings each use case's stage back to it), so Vert.x
     * may write each one straight to the channel instead of through a queue that other threads
     * could feed. A write from another thread would fail loudly ({@link IllegalStateException}), not
     * race. Introspection answered about 6% more requests per second with it (median of eight
     * alternating runs against the same build without it).
     */
    private static HttpServerOptions httpOptions() {
        return new HttpServerOptions()
                .setReadIdleTimeout((int) IDLE_TIMEOUT.toSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxInitialLineLength(OAuthHttpSettings.DEFAULT_BODY_LIMIT + 4096)
                .setPerFrameWebSocketCompressionSupported(false)
                .setPerMessageWebSocketCompressionSupported(false)
                .setStrictThreadMode(true);
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
        return http.port();
    }

    /** The port of the metrics listener, when metrics have one of their own. */
    public Optional<Integer> metricsPort() {
        return metricsListener.map(HttpServer::actualPort);
    }

    public String issuer() {
        return issuer;
    }

    /**
     * Stops gracefully: readiness turns false, no new connection is accepted, requests in flight may
     * finish within the configured grace period (their connections are closed once answered, and at
     * the end of the period whatever is left), and then the storage pool and everything else close.
     * Blocks the calling thread (never an event loop).
     */
    public void shutdown() throws Exception {
        serving.set(false);
        LOG.info("shutting down: no new connections; requests in flight have up to {} s to finish", shutdownGrace.toSeconds());
        sweeper.close();
        await(http.shutdown(shutdownGrace.toMillis()), shutdownGrace.plus(START_TIMEOUT));
        release();
        LOG.info("stopped");
    }

    /** Stops at once: connections are closed whether or not a request is in flight. */
    @Override
    public void close() throws Exception {
        serving.set(false);
        sweeper.close();
        await(http.close(), START_TIMEOUT);
        release();
    }

    private void release() throws Exception {
        for (HttpServer listener : metricsListener.stream().toList()) {
            await(listener.close(), START_TIMEOUT);
        }
        storage.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        passwordHashing.shutdown();
    }

    private static void await(Future<Void> done, Duration timeout) throws Exception {
        done.toCompletionStage().toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}

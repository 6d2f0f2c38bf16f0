package dev.whosthat.oauth.bootstrap;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.whosthat.oauth.bootstrap.config.OperationsSettings.LogFormat;
import dev.whosthat.oauth.bootstrap.observe.AuditLog;
import dev.whosthat.oauth.bootstrap.observe.BufferedConsoleAppender;
import dev.whosthat.oauth.bootstrap.observe.JsonLineEncoder;
import dev.whosthat.oauth.bootstrap.observe.TextLineEncoder;
import org.slf4j.LoggerFactory;

/**
 * The server's default logging, set up in code: parsing an XML configuration costs about half a
 * second of start-up on one core. {@code -Dlogback.configurationFile=...} still takes over.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class ConsoleLogging extends ContextAwareBase implements Configurator {

    private static final String APPENDER = "CONSOLE";

    /**
     * For the admin commands, whose standard output is for scripts: only warnings, errors and the
     * audit trail are logged, and on standard error. Does nothing when another logging configuration took over.
     */
    public static void quietOnStandardError() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(APPENDER) instanceof ConsoleAppender<ILoggingEvent> console
                && System.getProperty("logback.configurationFile") == null) {
            console.stop();
            console.setTarget("System.err");
            console.start();
            root.setLevel(Level.WARN);
            context.getLogger("io.vertx").setLevel(Level.WARN);
            // The audit trail stays complete: a rotated secret is recorded whoever rotated it.
            context.getLogger(AuditLog.LOGGER).setLevel(Level.INFO);
        }
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName(APPENDER);
        console.setEncoder(encoder(context, LogFormat.TEXT));
        console.start();
        context.getLogger("io.netty").setLevel(Level.WARN);
        context.getLogger("io.vertx").setLevel(Level.INFO);
        // Vert.x registers some gauges more than once on purpose (one per server socket), which
        // Micrometer warns about at start-up: vert-x3/vertx-micrometer-metrics#259, micrometer#6931.
        context.getLogger("io.micrometer.core.instrument.MeterRegistry").setLevel(Level.ERROR);
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /**
     * For a server, once the configuration is known: the console in the configured format, through
     * a buffer flushed in the background ({@link BufferedConsoleAppender}). Does nothing (and says
     * so) when logging was configured otherwise, by {@code -Dlogback.configurationFile}.
     */
    public static boolean use(LogFormat format) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return false;
        }
        ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (!(root.getAppender(APPENDER) instanceof ConsoleAppender<ILoggingEvent> console)) {
            return false;
        }
        BufferedConsoleAppender buffered = new BufferedConsoleAppender();
        buffered.setContext(context);
        buffered.setName(APPENDER);
        buffered.setEncoder(encoder(context, format));
        buffered.start();
        root.addAppender(buffered);
        root.detachAppender(console);
        console.stop();
        return true;
    }

    /** Writes out what the console buffers hold: before the process halts, nothing else would. */
    public static void flush() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender(APPENDER)
                        instanceof BufferedConsoleAppender buffered) {
            buffered.flush();
        }
    }

    static Encoder<ILoggingEvent> encoder(LoggerContext context, LogFormat format) {
        Encoder<ILoggingEvent> encoder = switch (format) {
            case TEXT -> new TextLineEncoder();
            case JSON -> new JsonLineEncoder();
        };
        encoder.setContext(context);
        encoder.start();
        return encoder;
    }
}

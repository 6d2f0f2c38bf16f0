package dev.whosthat.oauth.bootstrap.config;

import static dev.whosthat.oauth.bootstrap.config.ConfigException.quote;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code OAUTH_*} variables that override the config file. An empty (or blank) variable counts
 * as not set, as shells and compose files often define variables with no value. A value that is
 * set but wrong is an error naming the variable, never a silent fallback.
 */
final class Environment {

    /** The variables, named as in the environment. */
    enum Variable {
        OAUTH_ISSUER,
        OAUTH_HTTP_HOST,
        OAUTH_HTTP_PORT,
        OAUTH_STORAGE_KIND,
        OAUTH_STORAGE_URI,
        OAUTH_STORAGE_POOL_SIZE,
        OAUTH_STORAGE_CACHE_TTL_MILLIS,
        OAUTH_ACCESS_TOKEN_TTL_SECONDS,
        OAUTH_REFRESH_TOKEN_TTL_SECONDS,
        OAUTH_METRICS_ENABLED,
        OAUTH_METRICS_HOST,
        OAUTH_METRICS_PORT,
        OAUTH_LOG_FORMAT,
        OAUTH_SHUTDOWN_GRACE_SECONDS
    }

    private final Map<String, String> variables;

    Environment(Map<String, String> variables) {
        this.variables = Objects.requireNonNull(variables, "env");
    }

    /** The value without surrounding whitespace, if set and not blank. */
    Optional<String> text(Variable variable) {
        return Optional.ofNullable(variables.get(variable.name())).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** {@code true} or {@code false}, if set. */
    Optional<Boolean> flag(Variable variable) {
        return text(variable).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(variable + " must be true or false, got " + quote(value));
        });
    }

    /** A whole number within {@code min..max}, if set. */
    Optional<Long> number(Variable variable, long min, long max) {
        return text(variable).map(value -> {
            long parsed;
            try {
                parsed = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new ConfigException(variable + " must be a whole number from " + min + " to " + max + ", got " + quote(value));
            }
            if (parsed < min || parsed > max) {
                throw new ConfigException(variable + " must be from " + min + " to " + max + ", got " + quote(value));
            }
            return parsed;
        });
    }
}

package dev.whosthat.oauth.bootstrap.config;

import dev.whosthat.oauth.adapter.postgres.PgStorage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the server keeps its state. {@code memory} needs nothing and forgets everything on exit;
 * {@code postgres} needs a connection URI ({@code postgresql://user:password@host:5432/db}) and
 * sizes its connection pool with {@code poolSize}, which memory storage ignores. {@code cacheTtl}
 * bounds how long a PostgreSQL node serves look-ups from its own cache (zero: no cache).
 *
 * <p>{@link #toString()} masks the password of the URI, so that the settings can be logged.
 */
public record StorageSettings(Kind kind, Optional<String> uri, int poolSize, Duration cacheTtl) {

    public static final int DEFAULT_POOL_SIZE = 16;
    public static final int MIN_POOL_SIZE = 1;
    public static final int MAX_POOL_SIZE = 256;

    /** In-memory storage with the default pool size (which it does not use). */
    public static final StorageSettings MEMORY = new StorageSettings(Kind.MEMORY, Optional.empty(), DEFAULT_POOL_SIZE);

    public enum Kind {
        MEMORY("memory"),
        POSTGRES("postgres");

        private final String wire;

        Kind(String wire) {
            this.wire = wire;
        }

        /** The name in the config file and in {@code OAUTH_STORAGE_KIND}. */
        public String wire() {
            return wire;
        }

        public static Optional<Kind> fromWire(String wire) {
            return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
        }
    }

    public StorageSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(uri, "uri");
        if (kind == Kind.POSTGRES && uri.isEmpty()) {
            throw new IllegalArgumentException("postgres storage needs a connection URI");
        }
        if (kind == Kind.POSTGRES && !isPostgresUri(uri.get())) {
            throw new IllegalArgumentException("the storage URI must start with postgresql:// or postgres://");
        }
        if (kind == Kind.MEMORY && uri.isPresent()) {
            throw new IllegalArgumentException("memory storage takes no URI");
        }
        if (poolSize < MIN_POOL_SIZE || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("the storage pool size must be " + MIN_POOL_SIZE + " to " + MAX_POOL_SIZE);
        }
        Objects.requireNonNull(cacheTtl, "cacheTtl");
    }

    /** With the default cache ttl. */
    public StorageSettings(Kind kind, Optional<String> uri, int poolSize) {
        this(kind, uri, poolSize, PgStorage.Settings.DEFAULT_CACHE_TTL);
    }

    /** The schemes that libpq and vertx-pg-client accept, with something after them. */
    public static boolean isPostgresUri(String uri) {
        String lower = uri.toLowerCase(Locale.ROOT);
        return (lower.startsWith("postgresql://") && lower.length() > "postgresql://".length())
                || (lower.startsWith("postgres://") && lower.length() > "postgres://".length());
    }

    @Override
    public String toString() {
        return "StorageSettings[kind=" + kind.wire() + ", uri=" + uri.map(StorageSettings::masked).orElse("none")
                + ", poolSize=" + poolSize + ", cacheTtl=" + cacheTtl.toMillis() + "ms]";
    }

    /**
     * The URI with its password replaced by {@code ***}: in the user information
     * ({@code user:secret@host}) and in a {@code password=} query parameter, the two places where
     * libpq-style URIs carry it.
     */
    static String masked(String uri) {
        int schemeEnd = uri.indexOf("://");
        if (schemeEnd < 0) {
            return "***";
        }
        int authorityStart = schemeEnd + 3;
        int queryStart = uri.indexOf('?', authorityStart);
        String beforeQuery = queryStart < 0 ? uri.substring(authorityStart) : uri.substring(authorityStart, queryStart);
        // The last '@' before the query ends the user information, even if the password holds an unescaped '@'.
        int at = beforeQuery.lastIndexOf('@');
        StringBuilder out = new StringBuilder(uri.substring(0, authorityStart));
        if (at >= 0) {
            String userInfo = beforeQuery.substring(0, at);
            int colon = userInfo.indexOf(':');
            out.append(colon < 0 ? userInfo : userInfo.substring(0, colon + 1) + "***");
            out.append(beforeQuery.substring(at));
        } else {
            out.append(beforeQuery);
        }
        if (queryStart >= 0) {
            out.append(uri.substring(queryStart).replaceAll("(?i)([?&]password=)[^&#]*", "$1***"));
        }
        return out.toString();
    }
}

package dev.whosthat.oauth.bootstrap.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.application.client.ClientRegistration;
import dev.whosthat.oauth.application.throttle.ThrottleSettings;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.throttle.ThrottlePolicy;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import java.io.UncheckedIOException;

/**
 * The configuration in effect (file, then environment, then defaults), as JSON with the keys of the
 * config file, every secret masked: client secrets, user passwords, the password in the storage
 * URI. What {@code --print-config} prints. Apart from the masks it is a valid config file.
 *
 * <p>One method per section: a new section of {@link ServerConfig} is one more method and one more
 * line in {@link #toJson}.
 */
public final class EffectiveConfig {

    /** What a secret is printed as. */
    public static final String MASK = "***";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private EffectiveConfig() {
    }

    public static String toJson(ServerConfig config) {
        ObjectNode root = JSON.createObjectNode();
        root.put("issuer", config.issuer());
        root.set("http", http(config));
        root.set("storage", storage(config.storage()));
        root.set("tokens", tokens(config.tokenLifetimes()));
        root.set("password_hashing", passwordHashing(config.passwordHashing()));
        root.set("throttling", throttling(config.throttling()));
        root.set("metrics", metrics(config.operations().metrics()));
        root.set("logging", JSON.createObjectNode().put("format", config.operations().logFormat().wire()));
        root.set("shutdown", JSON.createObjectNode().put("grace_seconds", config.operations().shutdownGrace().toSeconds()));
        root.set("clients", clients(config));
        root.set("users", users(config));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the metrics are served, as the keys that choose it: no port means on the main listener. */
    private static ObjectNode metrics(MetricsSettings metrics) {
        ObjectNode node = JSON.createObjectNode().put("enabled", metrics.enabled());
        if (metrics.exposure() == MetricsSettings.Exposure.OWN_LISTENER) {
            node.put("host", metrics.host()).put("port", metrics.port());
        }
        return node;
    }

    private static ObjectNode http(ServerConfig config) {
        return JSON.createObjectNode().put("host", config.host()).put("port", config.port());
    }

    private static ObjectNode storage(StorageSettings storage) {
        ObjectNode node = JSON.createObjectNode().put("kind", storage.kind().wire());
        storage.uri().ifPresent(uri -> node.put("uri", StorageSettings.masked(uri)));
        return node.put("pool_size", storage.poolSize()).put("cache_ttl_millis", storage.cacheTtl().toMillis());
    }

    private static ObjectNode tokens(TokenLifetimes lifetimes) {
        return JSON.createObjectNode()
                .put("access_token_ttl_seconds", lifetimes.accessToken().toSeconds())
                .put("refresh_token_ttl_seconds", lifetimes.refreshToken().toSeconds())
                .put("authorization_code_ttl_seconds", lifetimes.authorizationCode().toSeconds())
                .put("session_ttl_seconds", lifetimes.loginSession().toSeconds());
    }

    private static ObjectNode passwordHashing(Argon2idPasswordHasher.Cost cost) {
        return JSON.createObjectNode()
                .put("memory_kib", cost.memoryKib())
                .put("iterations", cost.iterations())
                .put("parallelism", cost.parallelism());
    }

    private static ObjectNode throttling(ThrottleSettings throttling) {
        ObjectNode node = JSON.createObjectNode();
        node.set("users", throttlePolicy(throttling.usernames()));
        node.set("client_addresses", throttlePolicy(throttling.clientAddresses()));
        return node;
    }

    private static ObjectNode throttlePolicy(ThrottlePolicy policy) {
        return JSON.createObjectNode()
                .put("slow_after", policy.slowAfter())
                .put("refuse_after", policy.refuseAfter())
                .put("window_seconds", policy.window().toSeconds())
                .put("delay_step_millis", policy.delayStep().toMillis())
                .put("max_delay_millis", policy.maxDelay().toMillis());
    }

    private static ArrayNode clients(ServerConfig config) {
        ArrayNode clients = JSON.createArrayNode();
        for (ClientRegistration client : config.clients()) {
            ObjectNode node = clients.addObject()
                    .put("client_id", client.id().value())
                    .put("client_name", client.name())
                    .put("token_endpoint_auth_method", client.authMethod().wire());
            client.secret().ifPresent(secret -> node.put("client_secret", MASK));
            ArrayNode grants = node.putArray("grant_types");
            client.grantTypes().stream().map(GrantType::wire).sorted().forEach(grants::add);
            ArrayNode redirects = node.putArray("redirect_uris");
            client.redirectUris().stream().map(RedirectUri::value).forEach(redirects::add);
            node.put("scope", client.scope().wire()).put("require_pkce", client.requirePkce());
        }
        return clients;
    }

    private static ArrayNode users(ServerConfig config) {
        ArrayNode users = JSON.createArrayNode();
        config.users().forEach(user -> users.addObject().put("username", user.username().value())
                .put(user.credential() instanceof UserSeed.Hashed ? "password_hash" : "password", MASK));
        return users;
    }
}

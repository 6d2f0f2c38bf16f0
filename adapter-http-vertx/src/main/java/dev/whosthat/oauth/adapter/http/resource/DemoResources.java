package dev.whosthat.oauth.adapter.http.resource;

import dev.whosthat.oauth.adapter.http.bearer.BearerAuthHandler;
import dev.whosthat.oauth.adapter.http.support.Json;
import dev.whosthat.oauth.adapter.http.support.JsonObjectWriter;
import dev.whosthat.oauth.adapter.http.support.Responses;
import dev.whosthat.oauth.application.bearer.ValidateBearerToken;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.AccessToken;
import io.vertx.ext.web.Router;
import java.util.Map;
import java.util.Optional;

/**
 * A protected resource to try tokens against: {@code GET /api/me} needs a valid bearer token
 * (any scope) and tells who it belongs to; {@code GET /api/hello} needs nothing.
 */
public final class DemoResources {

    record Me(String sub, Optional<String> username, String clientId, String scope, long exp) implements Json.Members {

        static Me of(AccessToken token) {
            return new Me(token.subject(), token.owner().map(o -> o.username().value()), token.clientId().value(),
                    token.scope().wire(), token.expiresAt().getEpochSecond());
        }

        @Override
        public void writeMembers(JsonObjectWriter json) {
            json.string("sub", sub);
            json.optional("username", username);
            json.string("client_id", clientId);
            json.string("scope", scope);
            json.number("exp", exp);
        }
    }

    private DemoResources() {
    }

    public static void mount(Router router, ValidateBearerToken validate, String realm) {
        router.get("/api/me")
                .handler(BearerAuthHandler.requiring(validate, realm, Scope.EMPTY))
                .handler(ctx -> Responses.json(ctx, 200, Json.write(Me.of(BearerAuthHandler.token(ctx)))));
        router.get("/api/hello")
                .handler(ctx -> Responses.json(ctx, 200, Json.write(Map.of("message", "hello, no token needed"))));
    }
}

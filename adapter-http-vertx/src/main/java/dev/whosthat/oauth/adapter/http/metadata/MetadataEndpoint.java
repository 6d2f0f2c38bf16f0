package dev.whosthat.oauth.adapter.http.metadata;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.whosthat.oauth.adapter.http.support.Json;
import dev.whosthat.oauth.adapter.http.support.Responses;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Authorization server metadata (RFC 8414 §2, §3). Nothing in it varies per request, so it is
 * rendered once.
 */
public final class MetadataEndpoint implements Handler<RoutingContext> {

    /** The endpoints and capabilities the server serves, as absolute URLs and wire names. */
    public record Metadata(
            @JsonProperty("issuer") String issuer,
            @JsonProperty("authorization_endpoint") String authorizationEndpoint,
            @JsonProperty("token_endpoint") String tokenEndpoint,
            @JsonProperty("introspection_endpoint") String introspectionEndpoint,
            @JsonProperty("revocation_endpoint") String revocationEndpoint,
            @JsonProperty("grant_types_supported") List<String> grantTypesSupported,
            @JsonProperty("response_types_supported") List<String> responseTypesSupported,
            @JsonProperty("scopes_supported") List<String> scopesSupported,
            @JsonProperty("token_endpoint_auth_methods_supported") List<String> tokenEndpointAuthMethods,
            @JsonProperty("introspection_endpoint_auth_methods_supported") List<String> introspectionAuthMethods,
            @JsonProperty("revocation_endpoint_auth_methods_supported") List<String> revocationAuthMethods,
            @JsonProperty("code_challenge_methods_supported") List<String> codeChallengeMethods,
            @JsonProperty("authorization_response_iss_parameter_supported") boolean issParameterSupported) {
    }

    private final Buffer body;

    public MetadataEndpoint(Metadata metadata) {
        this.body = Json.write(metadata);
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, Responses.JSON)
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=300")
                .end(body.copy());
    }
}

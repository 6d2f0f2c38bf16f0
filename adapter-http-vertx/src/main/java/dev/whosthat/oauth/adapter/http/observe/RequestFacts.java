package dev.whosthat.oauth.adapter.http.observe;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/**
 * What the handlers learn about a request while they serve it, kept on its {@link RoutingContext}
 * until {@link RequestObservation} reports it. Handlers only ever add bounded values here.
 */
public final class RequestFacts {

    private static final String KEY = "whosthat.observed";
    /** Stands for a grant type the server does not know: the raw value is unbounded input. */
    static final String OTHER = "other";

    private String endpoint;
    private String grantType;
    private String errorCode;
    private String clientId;

    RequestFacts(String endpoint) {
        this.endpoint = endpoint;
    }

    /** The facts of the request; a detached, unreported set when it is not observed. */
    public static RequestFacts of(RoutingContext ctx) {
        RequestFacts facts = ctx.get(KEY);
        if (facts == null) {
            facts = new RequestFacts(OTHER);
            ctx.put(KEY, facts);
        }
        return facts;
    }

    static RequestFacts start(RoutingContext ctx, String endpoint) {
        RequestFacts facts = new RequestFacts(endpoint);
        ctx.put(KEY, facts);
        return facts;
    }

    /** Names the route, for routes that a host adds (health, metrics, its own resources). */
    public RequestFacts endpoint(String name) {
        this.endpoint = name;
        return this;
    }

    /** The {@code grant_type} as sent: a known one by name, anything else as {@code other}. */
    public RequestFacts grantType(Optional<String> wire) {
        this.grantType = wire.map(w -> GrantType.fromWire(w).map(GrantType::wire).orElse(OTHER)).orElse(null);
        return this;
    }

    /** The OAuth error the response carries. */
    public RequestFacts error(OAuthErrorCode code) {
        this.errorCode = code.wire();
        return this;
    }

    /**
     * What a use case that authenticates the client first answered: any answer but a failed (or
     * refused) authentication means the presented id is a registered client's.
     */
    public RequestFacts answered(ClientId presented, Outcome<?> outcome) {
        boolean authenticated = !(outcome instanceof Outcome.Rejected<?> rejected)
                || (rejected.error().code() != OAuthErrorCode.INVALID_CLIENT
                        && rejected.error().code() != OAuthErrorCode.TOO_MANY_ATTEMPTS);
        if (authenticated) {
            this.clientId = presented.value();
        }
        return this;
    }

    String endpoint() {
        return endpoint;
    }

    Optional<String> grantType() {
        return Optional.ofNullable(grantType);
    }

    Optional<String> clientId() {
        return Optional.ofNullable(clientId);
    }

    /** {@code ok} for a success or redirect, else the OAuth error code, else the bare status. */
    String outcome(int status) {
        if (errorCode != null) {
            return errorCode;
        }
        return status > 0 && status < 400 ? "ok" : "http_" + status;
    }
}

package dev.whosthat.oauth.adapter.http.revoke;

import dev.whosthat.oauth.adapter.http.support.ClientRequest;
import dev.whosthat.oauth.adapter.http.support.Responses;
import dev.whosthat.oauth.application.revoke.RevokeToken;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** The revocation endpoint (RFC 7009): 200 with an empty body on success, unknown tokens included. */
public final class RevocationEndpoint implements Handler<RoutingContext> {

    private final RevokeToken revokeToken;
    private final String realm;

    public RevocationEndpoint(RevokeToken revokeToken, String realm) {
        this.revokeToken = revokeToken;
        this.realm = realm;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ClientRequest.handle(ctx, realm, revokeToken::handle,
                revoked -> Responses.noStore(ctx.response()).setStatusCode(200).end());
    }
}

package dev.whosthat.oauth.adapter.http.support;

import dev.whosthat.oauth.domain.audit.SourceAddress;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The peer address of a request, for the audit trail and per-address throttling. It is the TCP
 * peer: forwarded headers are not trusted, since any client could forge them to dodge throttling.
 * Behind a reverse proxy every request therefore comes from the proxy's address.
 */
public final class SourceAddresses {

    private SourceAddresses() {
    }

    public static SourceAddress of(RoutingContext ctx) {
        // The connection's peer: the request's own remoteAddress() goes through Vert.x Web's
        // forwarded-header parser on every call, only to be told to ignore those headers.
        SocketAddress peer = ctx.request().connection().remoteAddress();
        return peer == null ? SourceAddress.UNKNOWN : SourceAddress.of(peer.hostAddress());
    }
}

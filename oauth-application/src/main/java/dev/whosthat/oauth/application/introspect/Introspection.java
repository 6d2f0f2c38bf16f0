package dev.whosthat.oauth.application.introspect;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import java.time.Instant;
import java.util.Optional;

/** An introspection response (RFC 7662 §2.2), before it is rendered. */
public sealed interface Introspection {

    /** {@code token_type} of an active access token (RFC 6749 §7.1). */
    String BEARER = "Bearer";
    /** {@code token_type} of an active refresh token: not a §7.1 access token type, so named plainly. */
    String REFRESH = "refresh_token";

    record Active(String tokenType, ClientId clientId, Optional<TokenOwnerRef> owner, Scope scope,
                  Instant issuedAt, Instant expiresAt, String subject) implements Introspection {
    }

    /** {@code {"active": false}} and nothing else, whatever the reason (§2.2). */
    record Inactive() implements Introspection {
    }
}

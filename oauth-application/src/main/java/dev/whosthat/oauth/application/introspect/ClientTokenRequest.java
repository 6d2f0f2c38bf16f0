package dev.whosthat.oauth.application.introspect;

import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.token.TokenValue;
import java.util.Objects;
import java.util.Optional;

/**
 * What a client presents to ask about a token it holds, the request of both introspection
 * (RFC 7662 §2.1) and revocation (RFC 7009 §2.1): its credentials, the token (empty when it cannot
 * be one of ours, which is answered as an unknown token), and the optional {@code token_type_hint}.
 */
public record ClientTokenRequest(ClientCredentials credentials, Optional<TokenValue> token, Optional<TokenHint> hint,
                                 SourceAddress source) {

    public ClientTokenRequest {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(source, "source");
    }

    /** A request from no known address, as a host without a network peer makes it. */
    public ClientTokenRequest(ClientCredentials credentials, Optional<TokenValue> token, Optional<TokenHint> hint) {
        this(credentials, token, hint, SourceAddress.UNKNOWN);
    }
}

package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.token.TokenValue;

/** The source of randomness for everything the server hands out. */
public interface TokenGenerator {

    /** At least 256 bits from a cryptographically secure generator, base64url without padding. */
    TokenValue newToken();

    /** A unique identifier (for grants, accounts): not secret, but unguessable all the same. */
    String newId();
}

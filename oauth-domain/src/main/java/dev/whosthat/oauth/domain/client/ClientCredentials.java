package dev.whosthat.oauth.domain.client;

import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import java.util.Objects;

/** What a request presented to identify its client (RFC 6749 §2.3), already taken off the wire. */
public sealed interface ClientCredentials {

    ClientId clientId();

    ClientAuthMethod method();

    /** {@code client_secret_basic} or {@code client_secret_post}. */
    record WithSecret(ClientId clientId, ClientSecret secret, ClientAuthMethod method) implements ClientCredentials {
        public WithSecret {
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(secret, "secret");
            if (!method.usesSecret()) {
                throw new IllegalArgumentException("a secret comes with a secret-based method");
            }
        }
    }

    /** A public client naming itself with {@code client_id} (RFC 6749 §3.2.1). */
    record PublicClient(ClientId clientId) implements ClientCredentials {
        public PublicClient {
            Objects.requireNonNull(clientId, "clientId");
        }

        @Override
        public ClientAuthMethod method() {
            return ClientAuthMethod.NONE;
        }
    }

    /** The one answer for every authentication failure, so that it reveals nothing about which check failed. */
    static <T> Outcome<T> failure() {
        return Outcome.rejected(OAuthErrorCode.INVALID_CLIENT, "client authentication failed");
    }
}

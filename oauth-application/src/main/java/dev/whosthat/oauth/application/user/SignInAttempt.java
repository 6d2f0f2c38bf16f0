package dev.whosthat.oauth.application.user;

import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientId;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a resource owner's password was presented: through which door, for which client, from
 * which address. The audit trail records it; nothing here decides the outcome.
 */
public record SignInAttempt(Channel channel, Optional<ClientId> client, SourceAddress source) {

    /** The doors a password comes through. */
    public enum Channel {
        SIGN_IN_PAGE("sign_in_page"),
        PASSWORD_GRANT("password_grant");

        private final String wire;

        Channel(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }
    }

    public SignInAttempt {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(source, "source");
    }
}

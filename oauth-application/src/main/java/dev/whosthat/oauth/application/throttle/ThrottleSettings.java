package dev.whosthat.oauth.application.throttle;

import dev.whosthat.oauth.domain.throttle.ThrottlePolicy;
import java.util.Objects;

/** The throttling policies: per username for resource-owner passwords, per source address for client credentials. */
public record ThrottleSettings(ThrottlePolicy usernames, ThrottlePolicy clientAddresses) {

    public static final ThrottleSettings DEFAULTS =
            new ThrottleSettings(ThrottlePolicy.USERNAME_DEFAULT, ThrottlePolicy.CLIENT_ADDRESS_DEFAULT);

    public ThrottleSettings {
        Objects.requireNonNull(usernames, "usernames");
        Objects.requireNonNull(clientAddresses, "clientAddresses");
    }
}

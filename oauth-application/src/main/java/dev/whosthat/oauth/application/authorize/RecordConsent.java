package dev.whosthat.oauth.application.authorize;

import dev.whosthat.oauth.domain.consent.Consent;
import dev.whosthat.oauth.domain.port.ConsentStore;
import dev.whosthat.oauth.domain.user.UserId;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Remembers that the user allowed the request's scope, added to whatever they allowed this client before. */
public final class RecordConsent {

    private final ConsentStore consents;
    private final Clock clock;

    public RecordConsent(ConsentStore consents, Clock clock) {
        this.consents = Objects.requireNonNull(consents, "consents");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public CompletionStage<Consent> handle(UserId subject, AuthorizationRequest request) {
        return consents.grant(new Consent(subject, request.client().id(), request.scope(), clock.instant()));
    }
}

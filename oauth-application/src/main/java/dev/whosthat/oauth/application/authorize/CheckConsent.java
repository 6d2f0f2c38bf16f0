package dev.whosthat.oauth.application.authorize;

import dev.whosthat.oauth.domain.port.ConsentStore;
import dev.whosthat.oauth.domain.user.UserId;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Has this user already allowed this client everything the request asks for? */
public final class CheckConsent {

    private final ConsentStore consents;

    public CheckConsent(ConsentStore consents) {
        this.consents = Objects.requireNonNull(consents, "consents");
    }

    public CompletionStage<Boolean> handle(UserId subject, AuthorizationRequest request) {
        return consents.find(subject, request.client().id())
                .thenApply(found -> found.map(consent -> consent.covers(request.scope())).orElse(false));
    }
}

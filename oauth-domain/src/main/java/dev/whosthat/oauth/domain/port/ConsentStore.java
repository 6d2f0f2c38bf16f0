package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.consent.Consent;
import dev.whosthat.oauth.domain.user.UserId;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Remembered consents, one per subject and client. */
public interface ConsentStore {

    CompletionStage<Optional<Consent>> find(UserId subject, ClientId client);

    /**
     * Records a consent, widening any earlier one of the same subject and client to the union of
     * both scopes (concurrent calls lose no scope); returns the consent as now stored.
     */
    CompletionStage<Consent> grant(Consent consent);

    /** Forgets the consent of this subject for this client, if any. */
    CompletionStage<Void> revoke(UserId subject, ClientId client);

    /** Forgets every consent given to this client. */
    CompletionStage<Void> revokeAllOf(ClientId client);

    /** Forgets every consent this subject gave. */
    CompletionStage<Void> revokeAllOf(UserId subject);
}

package dev.whosthat.oauth.domain.consent;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;

/** What a resource owner has allowed a client to have; asked once, remembered after. */
public record Consent(UserId subject, ClientId clientId, Scope scope, Instant grantedAt) {

    public Consent {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(grantedAt, "grantedAt");
    }

    public boolean covers(Scope requested) {
        return requested.within(scope);
    }

    /** This consent widened by a later one for the same subject and client. */
    public Consent merge(Consent later) {
        LinkedHashSet<String> union = new LinkedHashSet<>(scope.tokens());
        union.addAll(later.scope().tokens());
        return new Consent(subject, clientId, new Scope(union), later.grantedAt());
    }
}

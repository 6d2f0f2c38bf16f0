package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.code.AuthorizationCode;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Authorization codes, by digest. A code is consumed at most once, ever. */
public interface AuthorizationCodeStore {

    /** The outcome of {@link #consume}. */
    enum Consumption {
        /** This call consumed the code; no other call ever will. */
        CONSUMED,
        /** The code had been consumed before: a replay (RFC 6749 §4.1.2). */
        ALREADY_USED,
        NOT_FOUND
    }

    CompletionStage<Void> save(AuthorizationCode code);

    /** The code with this digest, consumed or not, until it is swept. */
    CompletionStage<Optional<AuthorizationCode>> find(SecretDigest digest);

    /** At most one call per code ever returns {@link Consumption#CONSUMED}, across threads and nodes. */
    CompletionStage<Consumption> consume(SecretDigest digest);

    /**
     * Deletes every code issued to this client, consumed or not, so that none can be redeemed, not
     * even by a client registered later under the same id.
     */
    CompletionStage<Void> deleteAllOf(ClientId client);

    /** Deletes every code issued for this resource owner, consumed or not. */
    CompletionStage<Void> deleteAllOf(UserId owner);

    /** Deletes up to {@code limit} codes that expired before {@code now}; returns how many. */
    CompletionStage<Integer> sweepExpired(Instant now, int limit);
}

package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.session.LoginSession;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Sign-in sessions of the authorization server's own pages, by the digest of their cookie value. */
public interface SessionStore {

    CompletionStage<Void> save(LoginSession session);

    /** The session with this digest, expired ones included, until deleted or swept. */
    CompletionStage<Optional<LoginSession>> find(SecretDigest digest);

    CompletionStage<Void> delete(SecretDigest digest);

    /** Ends every sign-in session of this resource owner (a changed password, a deleted account). */
    CompletionStage<Void> deleteAllOf(UserId owner);

    /** Deletes up to {@code limit} sessions that expired before {@code now}; returns how many. */
    CompletionStage<Integer> sweepExpired(Instant now, int limit);
}

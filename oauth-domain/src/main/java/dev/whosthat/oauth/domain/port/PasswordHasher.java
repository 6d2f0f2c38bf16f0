package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.PasswordCheck;
import dev.whosthat.oauth.domain.user.PasswordHash;
import java.util.concurrent.CompletionStage;

/**
 * A slow, salted, memory-hard password hash. Implementations do their work off the caller's
 * thread (an event loop must never run it) and complete the stage there.
 */
public interface PasswordHasher {

    CompletionStage<PasswordHash> hash(Password password);

    /**
     * Checks a password against a stored hash in time that does not depend on where they differ.
     * A hash made with a lower cost than the current one verifies as {@link PasswordCheck#MATCH_NEEDS_REHASH}.
     */
    CompletionStage<PasswordCheck> verify(Password password, PasswordHash stored);

    /**
     * A hash at the current cost that no password matches: verifying against it when a username is
     * unknown makes the answer take as long as for a known one.
     */
    PasswordHash decoy();
}

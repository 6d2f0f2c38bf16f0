package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.RefreshToken;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Access and refresh tokens, kept by digest and grouped by grant. Every state change that other
 * requests could race with is one atomic method here.
 */
public interface TokenStore {

    /**
     * Stores the tokens of a new grant; its refresh token, if any, becomes the grant's current one.
     * The stage completes only once they are stored, so a token is never handed out unsaved.
     */
    CompletionStage<Void> save(IssuedTokens tokens);

    /** The access token with this digest, expired ones included, until revoked or swept. */
    CompletionStage<Optional<AccessToken>> findAccessToken(SecretDigest digest);

    /** The refresh token with this digest, in whatever state it is, until swept. */
    CompletionStage<Optional<RefreshToken>> findRefreshToken(SecretDigest digest);

    /**
     * Atomically replaces the grant's current refresh token {@code presented} with the refresh token
     * of {@code successor}, and stores the successor's access token. Of concurrent calls for one
     * presented token, at most one returns {@link Rotation#ROTATED}; presenting an already rotated
     * token revokes the whole grant and returns {@link Rotation#REUSED}.
     */
    CompletionStage<Rotation> rotate(SecretDigest presented, IssuedTokens successor);

    /** Revokes one access token; {@code false} if there was none with this digest. */
    CompletionStage<Boolean> revokeAccessToken(SecretDigest digest);

    /** Revokes every access and refresh token of a grant, and any token later saved for it. */
    CompletionStage<Void> revokeGrant(GrantId grant);

    /**
     * Revokes, as {@link #revokeGrant} does, every grant that has a token of this client: used when
     * the client is deleted, so that none of its tokens validates or introspects as active again.
     */
    CompletionStage<Void> revokeAllOf(ClientId client);

    /**
     * Revokes, as {@link #revokeGrant} does, every grant that has a token issued for this resource
     * owner: used when the account is deleted.
     */
    CompletionStage<Void> revokeAllOf(UserId owner);

    /**
     * Deletes up to {@code limit} tokens that expired before {@code now} (and tokens of revoked
     * grants that a store kept hidden rather than deleted at once); returns how many it deleted.
     */
    CompletionStage<Integer> sweepExpired(Instant now, int limit);
}

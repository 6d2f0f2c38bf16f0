package dev.whosthat.oauth.adapter.http;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.port.Rotation;
import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.token.IssuedTokens;
import dev.whosthat.oauth.domain.token.RefreshToken;
import dev.whosthat.oauth.domain.token.SecretDigest;
import dev.whosthat.oauth.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A token store whose storage is down: every call fails its stage, as the port's contract says an
 * infrastructure failure does. The message looks like what a real driver would say, so that the
 * tests can check none of it reaches a client.
 */
public final class UnavailableTokenStore implements TokenStore {

    public static final String FAULT = "java.net.ConnectException: Connection refused: db.internal/10.0.0.7:5432";

    private static <T> CompletionStage<T> down() {
        return CompletableFuture.failedFuture(new IllegalStateException(FAULT));
    }

    @Override
    public CompletionStage<Void> save(IssuedTokens tokens) {
        return down();
    }

    @Override
    public CompletionStage<Optional<AccessToken>> findAccessToken(SecretDigest digest) {
        return down();
    }

    @Override
    public CompletionStage<Optional<RefreshToken>> findRefreshToken(SecretDigest digest) {
        return down();
    }

    @Override
    public CompletionStage<Rotation> rotate(SecretDigest presented, IssuedTokens successor) {
        return down();
    }

    @Override
    public CompletionStage<Boolean> revokeAccessToken(SecretDigest digest) {
        return down();
    }

    @Override
    public CompletionStage<Void> revokeGrant(GrantId grant) {
        return down();
    }

    @Override
    public CompletionStage<Void> revokeAllOf(ClientId client) {
        return down();
    }

    @Override
    public CompletionStage<Void> revokeAllOf(UserId owner) {
        return down();
    }

    @Override
    public CompletionStage<Integer> sweepExpired(Instant now, int limit) {
        return down();
    }
}

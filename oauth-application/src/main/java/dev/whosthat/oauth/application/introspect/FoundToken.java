package dev.whosthat.oauth.application.introspect;

import dev.whosthat.oauth.domain.port.TokenStore;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.RefreshToken;
import dev.whosthat.oauth.domain.token.SecretDigest;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A token presented for introspection or revocation, found as whichever kind it is. */
public sealed interface FoundToken {

    record Access(AccessToken token) implements FoundToken {
    }

    record Refresh(RefreshToken token) implements FoundToken {
    }

    record None() implements FoundToken {
    }

    /** Looks in the hinted kind first, then in the other one (RFC 7009 §2.1). */
    static CompletionStage<FoundToken> lookUp(TokenStore tokens, SecretDigest digest, Optional<TokenHint> hint) {
        if (hint.orElse(TokenHint.ACCESS_TOKEN) == TokenHint.REFRESH_TOKEN) {
            return refresh(tokens, digest).thenCompose(found -> found instanceof None ? access(tokens, digest) : done(found));
        }
        return access(tokens, digest).thenCompose(found -> found instanceof None ? refresh(tokens, digest) : done(found));
    }

    private static CompletionStage<FoundToken> access(TokenStore tokens, SecretDigest digest) {
        return tokens.findAccessToken(digest).thenApply(t -> t.<FoundToken>map(Access::new).orElseGet(None::new));
    }

    private static CompletionStage<FoundToken> refresh(TokenStore tokens, SecretDigest digest) {
        return tokens.findRefreshToken(digest).thenApply(t -> t.<FoundToken>map(Refresh::new).orElseGet(None::new));
    }

    private static CompletionStage<FoundToken> done(FoundToken found) {
        return CompletableFuture.completedFuture(found);
    }
}

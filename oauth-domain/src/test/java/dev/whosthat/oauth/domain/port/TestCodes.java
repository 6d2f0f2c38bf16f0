package dev.whosthat.oauth.domain.port;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.code.AuthorizationCode;
import dev.whosthat.oauth.domain.code.CodeVerifier;
import dev.whosthat.oauth.domain.code.PkceChallenge;
import dev.whosthat.oauth.domain.consent.Consent;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.session.LoginSession;
import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Authorization codes, sign-in sessions and consents with fresh random digests, grants, clients and
 * owners, so that tests sharing one store never collide.
 */
public final class TestCodes {

    public static final Duration CODE_LIFETIME = Duration.ofMinutes(1);
    public static final Duration SESSION_LIFETIME = Duration.ofHours(8);

    private TestCodes() {
    }

    /** A code with a PKCE challenge and a redirect URI given in the request, issued at {@code now}. */
    public static AuthorizationCode code(Instant now) {
        String verifier = TestTokens.unique() + TestTokens.unique() + "-verifier";
        return new AuthorizationCode(TestTokens.unknownDigest(), new GrantId(TestTokens.unique()),
                TestTokens.newClientId(), new RedirectUri("https://client.example/cb?state=kept"), true,
                Scope.of("openid", "read"), TestTokens.newOwner(),
                Optional.of(PkceChallenge.of(new CodeVerifier(verifier))), now, now.plus(CODE_LIFETIME));
    }

    /** A code without PKCE challenge, whose request left out {@code redirect_uri}, for the empty scope. */
    public static AuthorizationCode plainCode(Instant now) {
        return new AuthorizationCode(TestTokens.unknownDigest(), new GrantId(TestTokens.unique()),
                TestTokens.newClientId(), new RedirectUri("https://client.example/only"), false, Scope.EMPTY,
                TestTokens.newOwner(), Optional.empty(), now, now.plus(CODE_LIFETIME));
    }

    /** A code of {@code client} for {@code owner}, issued at {@code now}. */
    public static AuthorizationCode code(ClientId client, TokenOwnerRef owner, Instant now) {
        return new AuthorizationCode(TestTokens.unknownDigest(), new GrantId(TestTokens.unique()), client,
                new RedirectUri("https://client.example/cb"), true, Scope.of("read"), owner, Optional.empty(), now,
                now.plus(CODE_LIFETIME));
    }

    public static LoginSession session(TokenOwnerRef owner, Instant now) {
        return new LoginSession(TestTokens.unknownDigest(), owner, now, now.plus(SESSION_LIFETIME));
    }

    public static LoginSession session(Instant now) {
        return new LoginSession(TestTokens.unknownDigest(), TestTokens.newOwner(), now, now.plus(SESSION_LIFETIME));
    }

    /** A consent of a new subject for a new client. */
    public static Consent consent(Scope scope, Instant grantedAt) {
        return new Consent(TestUsers.newId(), TestTokens.newClientId(), scope, grantedAt);
    }
}

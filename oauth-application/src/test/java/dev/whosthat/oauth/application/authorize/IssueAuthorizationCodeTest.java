package dev.whosthat.oauth.application.authorize;

import static dev.whosthat.oauth.application.Harness.CALLBACK;
import static dev.whosthat.oauth.application.Harness.await;
import static dev.whosthat.oauth.application.Harness.codeRequest;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.application.Harness.TestUser;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.code.AuthorizationCode;
import dev.whosthat.oauth.domain.code.CodeVerifier;
import dev.whosthat.oauth.domain.code.PkceChallenge;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.token.TokenValue;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6749 §4.1.2: a short-lived code, bound to everything the request and the user settled, stored as a digest. */
class IssueAuthorizationCodeTest {

    private final Harness h = new Harness();
    private final TestClient app = h.publicApp(scope("read write"), GrantType.AUTHORIZATION_CODE);
    private final TestUser alice = h.user();
    private final CodeVerifier verifier = h.verifier();

    @Test
    void codeIsStoredUnderTheDigestOfTheValueHandedOut() {
        TokenValue code = h.code(app, alice, verifier, scope("read"));

        assertThat(stored(code).digest()).isEqualTo(code.digest());
    }

    @Test
    void storedCodeDoesNotContainTheClearValue() {
        TokenValue code = h.code(app, alice, verifier, scope("read"));

        assertThat(stored(code).toString()).doesNotContain(code.value());
        assertThat(stored(code).digest().hex()).doesNotContain(code.value());
    }

    @Test
    void codeIsBoundToTheClientTheRedirectUriTheChallengeTheScopeAndTheUser() {
        AuthorizationCode stored = stored(h.code(app, alice, verifier, scope("read")));

        assertThat(stored.clientId()).isEqualTo(app.id());
        assertThat(stored.redirectUri()).isEqualTo(new RedirectUri(CALLBACK));
        assertThat(stored.redirectUriGiven()).isTrue();
        assertThat(stored.challenge()).contains(PkceChallenge.of(verifier));
        assertThat(stored.scope()).isEqualTo(scope("read"));
        assertThat(stored.owner()).isEqualTo(alice.account().asOwner());
    }

    @Test
    void codeExpiresSixtySecondsAfterItIsIssuedByDefault() {
        h.clock.advance(Duration.ofMinutes(3));

        AuthorizationCode stored = stored(h.code(app, alice, verifier, scope("read")));

        assertThat(stored.issuedAt()).isEqualTo(Harness.NOW.plus(Duration.ofMinutes(3)));
        assertThat(stored.expiresAt()).isEqualTo(stored.issuedAt().plus(Duration.ofSeconds(60)));
        assertThat(TokenLifetimes.DEFAULT_CODE).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void codeExpiresAfterTheConfiguredCodeLifetime() {
        var lifetimes = new TokenLifetimes(Harness.ACCESS_LIFETIME, Harness.REFRESH_LIFETIME, Duration.ofSeconds(30),
                TokenLifetimes.DEFAULT_SESSION);
        AuthorizationRequest request = h.validRequest(codeRequest(app, verifier));

        TokenValue code = await(h.wiredWith(lifetimes).issueAuthorizationCode().handle(request, alice.account().asOwner()));

        assertThat(stored(code).expiresAt()).isEqualTo(Harness.NOW.plusSeconds(30));
    }

    @Test
    void requestWithoutRedirectUriIsRememberedSoTheTokenRequestMayOmitIt() {
        AuthorizationRequest request = h.validRequest(codeRequest(app, verifier).remove("redirect_uri"));

        AuthorizationCode stored = stored(h.issueCode(request, alice));

        assertThat(stored.redirectUri()).isEqualTo(new RedirectUri(CALLBACK));
        assertThat(stored.redirectUriGiven()).isFalse();
    }

    @Test
    void requestWithoutPkceGivesACodeWithoutChallenge() {
        TestClient legacy = h.webApp(scope("read"), List.of(CALLBACK), false, GrantType.AUTHORIZATION_CODE);
        AuthorizationRequest request = h.validRequest(
                codeRequest(legacy, verifier).remove("code_challenge").remove("code_challenge_method"));

        assertThat(stored(h.issueCode(request, alice)).challenge()).isEmpty();
    }

    @Test
    void requestWithoutScopeBindsTheClientsWholeScope() {
        assertThat(stored(h.code(app, alice, verifier, scope(""))).scope()).isEqualTo(scope("read write"));
    }

    @Test
    void everyApprovalGivesANewCodeOfItsOwnGrant() {
        AuthorizationRequest request = h.validRequest(codeRequest(app, verifier));

        TokenValue first = h.issueCode(request, alice);
        TokenValue second = h.issueCode(request, alice);

        assertThat(second).isNotEqualTo(first);
        assertThat(stored(second).grant()).isNotEqualTo(stored(first).grant());
    }

    @Test
    void theCodesGrantIdBeginsWithItsIssueTime() {
        assertThat(stored(h.code(app, alice, verifier, scope("read"))).grant().value()).startsWith(Harness.grantTimeAtNow());
    }

    private AuthorizationCode stored(TokenValue code) {
        return await(h.codes.find(code.digest())).orElseThrow(() -> new AssertionError("no code stored under its digest"));
    }
}

package dev.whosthat.oauth.application.token;

import dev.whosthat.oauth.domain.audit.SecurityEventType;
import static dev.whosthat.oauth.application.Harness.CALLBACK;
import static dev.whosthat.oauth.application.Harness.accessValue;
import static dev.whosthat.oauth.application.Harness.await;
import static dev.whosthat.oauth.application.Harness.codeRequest;
import static dev.whosthat.oauth.application.Harness.errorCode;
import static dev.whosthat.oauth.application.Harness.refreshValue;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.application.Harness.TestUser;
import dev.whosthat.oauth.application.authorize.AuthorizationRequest;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.code.CodeVerifier;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import dev.whosthat.oauth.domain.port.Concurrently;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.AccessToken;
import dev.whosthat.oauth.domain.token.TokenValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** RFC 6749 §4.1.3 and §4.1.2 with RFC 7636 §4.6: a code buys tokens once, for the client and verifier it was bound to. */
class AuthorizationCodeGrantTest {

    private static final Optional<String> REDIRECT = Optional.of(CALLBACK);

    private final Harness h = new Harness();
    private final TestClient app = h.publicApp(scope("read write"), GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);
    private final TestUser alice = h.user();
    private final CodeVerifier verifier = h.verifier();
    private final TokenValue code = h.code(app, alice, verifier, scope("read"));

    // --- success -----------------------------------------------------------------------------

    @Test
    void codeWithTheRightVerifierIssuesAccessAndRefreshTokensForTheCodesScopeAndUser() {
        TokenGranted granted = h.exchange(app, code, verifier).orElseThrow();

        assertThat(granted.grantedScope()).isEqualTo(scope("read"));
        assertThat(granted.tokens().access().token().owner()).contains(alice.account().asOwner());
        assertThat(granted.tokens().access().token().clientId()).isEqualTo(app.id());
        assertThat(granted.tokens().refresh().orElseThrow().token().scope()).isEqualTo(scope("read"));
        assertThat(granted.tokens().refresh().orElseThrow().token().owner()).contains(alice.account().asOwner());
        assertThat(granted.expiresInSeconds()).isEqualTo(Harness.ACCESS_LIFETIME.toSeconds());
        assertThat(h.validate(accessValue(granted), scope("read")).isOk()).isTrue();
        assertThat(errorCode(h.validate(accessValue(granted), scope("write")))).isEqualTo(OAuthErrorCode.INSUFFICIENT_SCOPE);
    }

    @Test
    void responseStatesTheScopeSinceTheTokenRequestAskedForNone() {
        assertThat(h.exchange(app, code, verifier).orElseThrow().mustStateScope()).isTrue();
    }

    @Test
    void tokensBelongToTheGrantTheCodeFixed() {
        var grant = await(h.codes.find(code.digest())).orElseThrow().grant();

        assertThat(h.exchange(app, code, verifier).orElseThrow().tokens().grant()).isEqualTo(grant);
    }

    @Test
    void tokensForACodeDoNotOpenTheirGrantWhoseIdTheCodeCarriedEarlier() {
        TestClient noRefresh = h.publicApp(scope("read"), GrantType.AUTHORIZATION_CODE);
        TokenValue noRefreshCode = h.code(noRefresh, alice, verifier, Scope.EMPTY);

        assertThat(h.exchange(app, code, verifier).orElseThrow().tokens().opensGrant()).isFalse();
        assertThat(h.exchange(noRefresh, noRefreshCode, verifier).orElseThrow().tokens().opensGrant()).isFalse();
    }

    @Test
    void codeWithoutScopeGivesTheClientsWholeScope() {
        TokenValue whole = h.code(app, alice, verifier, Scope.EMPTY);

        assertThat(h.exchange(app, whole, verifier).orElseThrow().grantedScope()).isEqualTo(scope("read write"));
    }

    @Test
    void clientWithoutTheRefreshGrantGetsNoRefreshToken() {
        TestClient noRefresh = h.publicApp(scope("read"), GrantType.AUTHORIZATION_CODE);
        TokenValue noRefreshCode = h.code(noRefresh, alice, verifier, Scope.EMPTY);

        TokenGranted granted = h.exchange(noRefresh, noRefreshCode, verifier).orElseThrow();

        assertThat(granted.tokens().refresh()).isEmpty();
        assertThat(h.validate(accessValue(granted), scope("read")).isOk()).isTrue();
    }

    @Test
    void refreshTokenFromACodeRefreshesAndRotates() {
        TokenGranted granted = h.exchange(app, code, verifier).orElseThrow();

        TokenGranted refreshed = h.refresh(app, refreshValue(granted), Scope.EMPTY).orElseThrow();

        assertThat(refreshed.grantedScope()).isEqualTo(scope("read"));
        assertThat(refreshed.tokens().access().token().owner()).contains(alice.account().asOwner());
        assertThat(errorCode(h.refresh(app, refreshValue(granted), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void publicClientAuthenticatesWithItsClientIdAlone() {
        assertThat(h.exchange(new ClientCredentials.PublicClient(app.id()), code, REDIRECT, Optional.of(verifier)).isOk()).isTrue();
    }

    @Test
    void confidentialClientAuthenticatesWithItsSecret() {
        TestClient web = h.webApp(scope("read"), GrantType.AUTHORIZATION_CODE);
        TokenValue webCode = h.code(web, alice, verifier, Scope.EMPTY);

        assertThat(h.exchange(web, webCode, verifier).orElseThrow().grantedScope()).isEqualTo(scope("read"));
    }

    @Test
    void codeWorksUntilJustBeforeItsSixtySecondsAreUp() {
        h.clock.advance(Duration.ofSeconds(59));

        assertThat(h.exchange(app, code, verifier).isOk()).isTrue();
    }

    // --- PKCE (RFC 7636 §4.6) ------------------------------------------------------------------

    @Test
    void wrongVerifierIsInvalidGrantAndTheCodeStillWorksWithTheRightOne() {
        assertThat(errorCode(h.exchange(app, code, h.verifier()))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        TokenGranted granted = h.exchange(app, code, verifier).orElseThrow();

        assertThat(h.validate(accessValue(granted), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void wrongVerifierAfterARedemptionRevokesNothing() {
        TokenGranted granted = h.exchange(app, code, verifier).orElseThrow();

        assertThat(errorCode(h.exchange(app, code, h.verifier()))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertThat(h.validate(accessValue(granted), Scope.EMPTY).isOk()).isTrue();
        assertThat(h.refresh(app, refreshValue(granted), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void verifierThatIsTheChallengeItselfIsInvalidGrant() {
        String challenge = await(h.codes.find(code.digest())).orElseThrow().challenge().orElseThrow().value();

        assertThat(errorCode(h.exchange(app, code, new CodeVerifier(challenge)))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void missingVerifierForACodeWithAChallengeIsInvalidGrantAndTheCodeStillWorks() {
        assertThat(errorCode(h.exchange(app, code, REDIRECT, Optional.empty()))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertThat(h.exchange(app, code, verifier).isOk()).isTrue();
    }

    @Test
    void verifierForACodeIssuedWithoutChallengeIsInvalidGrant() {
        TestClient legacy = h.webApp(scope("read"), List.of(CALLBACK), false, GrantType.AUTHORIZATION_CODE);
        TokenValue legacyCode = legacyCode(legacy);

        assertThat(errorCode(h.exchange(legacy, legacyCode, REDIRECT, Optional.of(verifier)))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertThat(h.exchange(legacy, legacyCode, REDIRECT, Optional.empty()).isOk()).isTrue();
    }

    @Test
    void codeIssuedWithoutChallengeIsRedeemedWithoutVerifier() {
        TestClient legacy = h.webApp(scope("read"), List.of(CALLBACK), false, GrantType.AUTHORIZATION_CODE);

        assertThat(h.exchange(legacy, legacyCode(legacy), REDIRECT, Optional.empty()).orElseThrow().grantedScope())
                .isEqualTo(scope("read"));
    }

    // --- redirect URI (§4.1.3) ---------------------------------------------------------------

    @Test
    void redirectUriOtherThanTheRequestsIsInvalidGrantAndTheCodeStillWorks() {
        assertThat(errorCode(h.exchange(app, code, Optional.of(CALLBACK + "/"), Optional.of(verifier))))
                .isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertThat(h.exchange(app, code, verifier).isOk()).isTrue();
    }

    @Test
    void anotherRegisteredRedirectUriIsInvalidGrant() {
        String other = "https://app.example/other";
        TestClient several = h.publicApp(scope("read"), List.of(CALLBACK, other), GrantType.AUTHORIZATION_CODE);
        TokenValue severalCode = h.code(several, alice, verifier, Scope.EMPTY);

        assertThat(errorCode(h.exchange(several, severalCode, Optional.of(other), Optional.of(verifier))))
                .isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void redirectUriOmittedAtTheTokenEndpointWhenTheRequestCarriedOneIsInvalidGrant() {
        assertThat(errorCode(h.exchange(app, code, Optional.empty(), Optional.of(verifier)))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertThat(h.exchange(app, code, verifier).isOk()).isTrue();
    }

    @Test
    void redirectUriMayBeOmittedAtTheTokenEndpointWhenTheRequestOmittedIt() {
        TokenValue implicitRedirect = h.issueCode(h.validRequest(codeRequest(app, verifier).remove("redirect_uri")), alice);

        assertThat(h.exchange(app, implicitRedirect, Optional.empty(), Optional.of(verifier)).isOk()).isTrue();
    }

    @Test
    void redirectUriGivenAtTheTokenEndpointWhenTheRequestOmittedItMustStillMatch() {
        TokenValue implicitRedirect = h.issueCode(h.validRequest(codeRequest(app, verifier).remove("redirect_uri")), alice);

        assertThat(errorCode(h.exchange(app, implicitRedirect, Optional.of("https://evil.example/cb"), Optional.of(verifier))))
                .isEqualTo(OAuthErrorCode.INVALID_GRANT);
        assertThat(h.exchange(app, implicitRedirect, REDIRECT, Optional.of(verifier)).isOk()).isTrue();
    }

    // --- client binding and authentication -----------------------------------------------------

    @Test
    void anotherClientsCodeIsInvalidGrantAndStillWorksForItsOwner() {
        TestClient other = h.publicApp(scope("read write"), GrantType.AUTHORIZATION_CODE);

        assertThat(errorCode(h.exchange(other, code, verifier))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertThat(h.exchange(app, code, verifier).isOk()).isTrue();
    }

    @Test
    void anotherClientsCodeAfterARedemptionRevokesNothing() {
        TestClient other = h.publicApp(scope("read write"), GrantType.AUTHORIZATION_CODE);
        TokenGranted granted = h.exchange(app, code, verifier).orElseThrow();

        assertThat(errorCode(h.exchange(other, code, verifier))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertThat(h.validate(accessValue(granted), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void wrongClientSecretIsInvalidClientAndTheCodeStillWorks() {
        TestClient web = h.webApp(scope("read"), GrantType.AUTHORIZATION_CODE);
        TokenValue webCode = h.code(web, alice, verifier, Scope.EMPTY);
        var wrongSecret = new ClientCredentials.WithSecret(web.id(), new ClientSecret("not-" + web.secret().orElseThrow().value()),
                ClientAuthMethod.CLIENT_SECRET_BASIC);

        assertThat(errorCode(h.exchange(wrongSecret, webCode, REDIRECT, Optional.of(verifier)))).isEqualTo(OAuthErrorCode.INVALID_CLIENT);

        assertThat(h.exchange(web, webCode, verifier).isOk()).isTrue();
    }

    @Test
    void confidentialClientPresentingOnlyItsIdIsInvalidClient() {
        TestClient web = h.webApp(scope("read"), GrantType.AUTHORIZATION_CODE);
        TokenValue webCode = h.code(web, alice, verifier, Scope.EMPTY);

        assertThat(errorCode(h.exchange(new ClientCredentials.PublicClient(web.id()), webCode, REDIRECT, Optional.of(verifier))))
                .isEqualTo(OAuthErrorCode.INVALID_CLIENT);

        assertThat(h.exchange(web, webCode, verifier).isOk()).isTrue();
    }

    @Test
    void failedClientAuthenticationAfterARedemptionRevokesNothing() {
        TestClient web = h.webApp(scope("read"), GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);
        TokenValue webCode = h.code(web, alice, verifier, Scope.EMPTY);
        TokenGranted granted = h.exchange(web, webCode, verifier).orElseThrow();

        h.exchange(new ClientCredentials.PublicClient(web.id()), webCode, REDIRECT, Optional.of(verifier));

        assertThat(h.validate(accessValue(granted), Scope.EMPTY).isOk()).isTrue();
        assertThat(h.refresh(web, refreshValue(granted), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void clientWithoutTheAuthorizationCodeGrantIsUnauthorizedClient() {
        TestClient passwordOnly = h.publicApp(scope("read write"), GrantType.PASSWORD);

        assertThat(errorCode(h.exchange(passwordOnly, code, verifier))).isEqualTo(OAuthErrorCode.UNAUTHORIZED_CLIENT);
    }

    // --- unknown, expired and replayed codes ---------------------------------------------------

    @Test
    void unknownCodeIsInvalidGrant() {
        assertThat(errorCode(h.exchange(app, h.generator.newToken(), verifier))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void accessTokenPresentedAsCodeIsInvalidGrant() {
        TokenGranted granted = h.exchange(app, code, verifier).orElseThrow();

        assertThat(errorCode(h.exchange(app, accessValue(granted), verifier))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void expiredCodeIsInvalidGrant() {
        h.clock.advance(Duration.ofSeconds(61));

        assertThat(errorCode(h.exchange(app, code, verifier))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void codeIsExpiredExactlySixtySecondsAfterIssue() {
        h.clock.advance(Duration.ofSeconds(60));

        assertThat(errorCode(h.exchange(app, code, verifier))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void secondRedemptionIsInvalidGrantAndRevokesTheTokensOfTheFirst() {
        TokenGranted first = h.exchange(app, code, verifier).orElseThrow();

        assertThat(errorCode(h.exchange(app, code, verifier))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertThat(errorCode(h.validate(accessValue(first), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
        assertThat(errorCode(h.refresh(app, refreshValue(first), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void secondRedemptionAlsoRevokesTokensRefreshedSinceTheFirst() {
        TokenGranted first = h.exchange(app, code, verifier).orElseThrow();
        TokenGranted refreshed = h.refresh(app, refreshValue(first), Scope.EMPTY).orElseThrow();

        h.exchange(app, code, verifier);

        assertThat(errorCode(h.validate(accessValue(refreshed), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
        assertThat(errorCode(h.refresh(app, refreshValue(refreshed), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void secondRedemptionRevokesOnlyTheTokensOfThatCode() {
        TokenValue otherCode = h.code(app, alice, verifier, scope("read"));
        TokenGranted fromOther = h.exchange(app, otherCode, verifier).orElseThrow();
        TokenGranted fromCode = h.exchange(app, code, verifier).orElseThrow();

        h.exchange(app, code, verifier);

        assertThat(errorCode(h.validate(accessValue(fromCode), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
        assertThat(h.validate(accessValue(fromOther), Scope.EMPTY).isOk()).isTrue();
        assertThat(h.refresh(app, refreshValue(fromOther), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void aReplayAfterTheCodeExpiredStillRevokesTheTokensOfTheFirst() {
        TokenGranted first = h.exchange(app, code, verifier).orElseThrow();
        h.clock.advance(Duration.ofSeconds(61));

        assertThat(errorCode(h.exchange(app, code, verifier))).isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertThat(errorCode(h.validate(accessValue(first), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
        assertThat(h.events(SecurityEventType.AUTHORIZATION_CODE_REPLAYED)).singleElement().satisfies(event -> {
            assertThat(event.client()).contains(app.id());
            assertThat(event.subject()).isPresent();
        });
    }

    @Test
    void secondRedemptionStaysInvalidGrantAfterwards() {
        h.exchange(app, code, verifier).orElseThrow();
        h.exchange(app, code, verifier);

        assertThat(errorCode(h.exchange(app, code, verifier))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void concurrentRedemptionsOfOneCodeSucceedExactlyOnce() throws Exception {
        List<Outcome<TokenGranted>> results = Concurrently.run(Concurrently.THREADS,
                i -> CompletableFuture.completedFuture(h.exchange(app, code, verifier)));

        assertThat(results).filteredOn(Outcome::isOk).hasSize(1);
        assertThat(results).filteredOn(r -> !r.isOk())
                .hasSize(Concurrently.THREADS - 1)
                .allSatisfy(r -> assertThat(errorCode(r)).isEqualTo(OAuthErrorCode.INVALID_GRANT));
    }

    @Test
    void concurrentReplaysRevokeTheWinnersTokensHoweverTheRaceWent() throws Exception {
        List<Outcome<TokenGranted>> results = Concurrently.run(Concurrently.THREADS,
                i -> CompletableFuture.completedFuture(h.exchange(app, code, verifier)));

        TokenGranted winner = results.stream().filter(Outcome::isOk).findFirst().orElseThrow().orElseThrow();
        Outcome<AccessToken> validated = h.validate(accessValue(winner), Scope.EMPTY);
        assertThat(errorCode(validated)).isEqualTo(OAuthErrorCode.INVALID_TOKEN);
        assertThat(errorCode(h.refresh(app, refreshValue(winner), Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    // --- the whole flow ------------------------------------------------------------------------

    @Test
    void signedInUserWhoConsentedGetsACodeThatBuysTokens() {
        var session = await(h.useCases.signIn().handle(alice.username(), alice.password())).orElseThrow();
        var found = await(h.useCases.findSession().handle(Optional.of(session.value().value()))).orElseThrow();
        AuthorizationRequest request = h.validRequest(codeRequest(app, verifier).set("scope", "write"));
        await(h.useCases.recordConsent().handle(found.owner().subject(), request));
        assertThat(await(h.useCases.checkConsent().handle(found.owner().subject(), request))).isTrue();

        TokenValue flowCode = await(h.useCases.issueAuthorizationCode().handle(request, found.owner()));
        TokenGranted granted = h.exchange(app, flowCode, verifier).orElseThrow();

        assertThat(granted.grantedScope()).isEqualTo(scope("write"));
        assertThat(h.validate(accessValue(granted), scope("write")).orElseThrow().owner()).contains(alice.account().asOwner());
    }

    private TokenValue legacyCode(TestClient legacy) {
        AuthorizationRequest request = h.validRequest(
                codeRequest(legacy, verifier).remove("code_challenge").remove("code_challenge_method"));
        return h.issueCode(request, alice);
    }
}

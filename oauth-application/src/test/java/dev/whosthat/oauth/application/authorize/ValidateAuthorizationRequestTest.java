package dev.whosthat.oauth.application.authorize;

import static dev.whosthat.oauth.application.Harness.CALLBACK;
import static dev.whosthat.oauth.application.Harness.STATE;
import static dev.whosthat.oauth.application.Harness.codeRequest;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.Params;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.code.CodeVerifier;
import dev.whosthat.oauth.domain.code.PkceChallenge;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 6749 §4.1.1 and §4.1.2.1, RFC 7636 §4.3, RFC 9700 §2.1: which requests are served, refused, or never redirected. */
class ValidateAuthorizationRequestTest {

    private static final String OTHER_CALLBACK = "https://app.example/other";

    private final Harness h = new Harness();
    private final TestClient app = h.publicApp(scope("read write"), GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN);
    private final CodeVerifier verifier = h.verifier();

    // --- the client and the redirect URI: never redirected ---------------------------------

    @Test
    void completeRequestIsValidAndCarriesEverythingTheCodeWillBeBoundTo() {
        AuthorizationRequest request = h.validRequest(codeRequest(app, verifier).set("scope", "read"));

        assertThat(request.client()).isEqualTo(app.registered());
        assertThat(request.redirectUri()).isEqualTo(new RedirectUri(CALLBACK));
        assertThat(request.redirectUriGiven()).isTrue();
        assertThat(request.scope()).isEqualTo(scope("read"));
        assertThat(request.state()).contains(STATE);
        assertThat(request.challenge()).contains(PkceChallenge.of(verifier));
    }

    @Test
    void missingClientIdIsUntrusted() {
        assertUntrusted(codeRequest(app, verifier).remove("client_id"));
    }

    @Test
    void emptyClientIdIsUntrusted() {
        assertUntrusted(codeRequest(app, verifier).set("client_id", ""));
    }

    @Test
    void unknownClientIdIsUntrusted() {
        assertUntrusted(codeRequest(app, verifier).set("client_id", "no-such-client"));
    }

    @Test
    void clientIdOutsideTheVscharSetIsUntrusted() {
        assertUntrusted(codeRequest(app, verifier).set("client_id", "caf\u00e9"));
    }

    @Test
    void repeatedClientIdIsUntrustedEvenWhenBothValuesAreTheSame() {
        assertUntrusted(codeRequest(app, verifier).add("client_id", app.id().value()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            CALLBACK + "/",
            "https://APP.example/callback",
            "https://app.example/Callback",
            "HTTPS://app.example/callback",
            CALLBACK + "?next=https://evil.example",
            CALLBACK + "x",
            "https://app.example:443/callback",
            "https://app.example/callback/../callback",
            "https://evil.example/callback",
            "https://app.example.evil.example/callback",
            "https://app.example%2F@evil.example/callback"})
    void redirectUriThatIsNotExactlyTheRegisteredStringIsUntrusted(String redirectUri) {
        assertUntrusted(codeRequest(app, verifier).set("redirect_uri", redirectUri));
    }

    @Test
    void redirectUriRegisteredByAnotherClientIsUntrusted() {
        TestClient other = h.publicApp(scope("read"), List.of("https://other.example/cb"), GrantType.AUTHORIZATION_CODE);

        assertUntrusted(codeRequest(app, verifier).set("redirect_uri", other.registered().redirectUris().get(0).value()));
    }

    @Test
    void repeatedRedirectUriIsUntrustedEvenWhenBothValuesAreRegistered() {
        assertUntrusted(codeRequest(app, verifier).add("redirect_uri", CALLBACK));
    }

    @Test
    void missingRedirectUriIsUntrustedWhenTheClientRegisteredSeveral() {
        TestClient several = h.publicApp(scope("read"), List.of(CALLBACK, OTHER_CALLBACK), GrantType.AUTHORIZATION_CODE);

        assertUntrusted(codeRequest(several, verifier).remove("redirect_uri"));
    }

    @Test
    void missingRedirectUriIsUntrustedWhenTheClientRegisteredNone() {
        TestClient none = h.confidential(scope("read"), GrantType.CLIENT_CREDENTIALS);

        assertUntrusted(params(none).remove("redirect_uri"));
    }

    @Test
    void missingRedirectUriIsValidWhenTheClientRegisteredExactlyOne() {
        AuthorizationRequest request = h.validRequest(codeRequest(app, verifier).remove("redirect_uri"));

        assertThat(request.redirectUri()).isEqualTo(new RedirectUri(CALLBACK));
        assertThat(request.redirectUriGiven()).isFalse();
    }

    @Test
    void emptyRedirectUriIsTreatedAsOmitted() {
        AuthorizationRequest request = h.validRequest(codeRequest(app, verifier).set("redirect_uri", ""));

        assertThat(request.redirectUri()).isEqualTo(new RedirectUri(CALLBACK));
        assertThat(request.redirectUriGiven()).isFalse();
    }

    @Test
    void anyOfSeveralRegisteredRedirectUrisIsAcceptedAsGiven() {
        TestClient several = h.publicApp(scope("read"), List.of(CALLBACK, OTHER_CALLBACK), GrantType.AUTHORIZATION_CODE);

        AuthorizationRequest request = h.validRequest(codeRequest(several, verifier).set("redirect_uri", OTHER_CALLBACK));

        assertThat(request.redirectUri()).isEqualTo(new RedirectUri(OTHER_CALLBACK));
        assertThat(request.redirectUriGiven()).isTrue();
    }

    @Test
    void registeredRedirectUriWithAQueryMatchesOnlyWithThatExactQuery() {
        String withQuery = "https://app.example/cb?tenant=7";
        TestClient tenant = h.publicApp(scope("read"), List.of(withQuery), GrantType.AUTHORIZATION_CODE);

        assertThat(h.validRequest(codeRequest(tenant, verifier)).redirectUri()).isEqualTo(new RedirectUri(withQuery));
        assertUntrusted(codeRequest(tenant, verifier).set("redirect_uri", "https://app.example/cb"));
        assertUntrusted(codeRequest(tenant, verifier).set("redirect_uri", withQuery + "&tenant=8"));
    }

    @Test
    void untrustedRequestIsReportedAsInvalidRequestWhateverElseIsWrong() {
        Params everythingWrong = codeRequest(app, verifier)
                .set("redirect_uri", "https://evil.example/cb")
                .set("response_type", "token")
                .set("scope", "admin")
                .remove("code_challenge");

        assertThat(untrusted(everythingWrong).error().code()).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
    }

    // --- everything else: refused back to the verified redirect URI, with the state ----------

    @Test
    void missingResponseTypeIsRefusedAsInvalidRequest() {
        assertRefused(codeRequest(app, verifier).remove("response_type"), OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void implicitGrantResponseTypeTokenIsRefusedAsUnsupported() {
        assertRefused(codeRequest(app, verifier).set("response_type", "token"), OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"id_token", "code token", "code id_token", "CODE", "Code", " code", "none"})
    void otherResponseTypesAreRefusedAsUnsupported(String responseType) {
        assertRefused(codeRequest(app, verifier).set("response_type", responseType), OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE);
    }

    @Test
    void repeatedResponseTypeIsRefusedAsInvalidRequest() {
        assertRefused(codeRequest(app, verifier).add("response_type", "code"), OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void repeatedScopeIsRefusedAsInvalidRequest() {
        assertRefused(codeRequest(app, verifier).set("scope", "read").add("scope", "write"), OAuthErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"code_challenge", "code_challenge_method", "nonce"})
    void anyRepeatedParameterIsRefusedAsInvalidRequest(String name) {
        Params params = codeRequest(app, verifier);
        String value = name.equals("code_challenge") ? PkceChallenge.of(verifier).value()
                : name.equals("code_challenge_method") ? PkceChallenge.S256 : "n-0S6_WzA2Mj";
        params.set(name, value).add(name, value);

        assertRefused(params, OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void repeatedStateIsRefusedAsInvalidRequestWithoutAState() {
        AuthorizationCheck.Refused refused = refused(codeRequest(app, verifier).add("state", "another"));

        assertThat(refused.error().code()).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
        assertThat(refused.redirectUri()).isEqualTo(new RedirectUri(CALLBACK));
        assertThat(refused.state()).isEmpty();
    }

    @Test
    void clientWithoutTheAuthorizationCodeGrantIsRefusedAsUnauthorizedClient() {
        TestClient passwordOnly = h.publicApp(scope("read"), GrantType.PASSWORD);

        assertRefused(codeRequest(passwordOnly, verifier), OAuthErrorCode.UNAUTHORIZED_CLIENT);
    }

    @Test
    void scopeOutsideTheClientsIsRefusedAsInvalidScope() {
        assertRefused(codeRequest(app, verifier).set("scope", "read admin"), OAuthErrorCode.INVALID_SCOPE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"read  write", " read", "read ", "read\twrite", "re\"ad", "re\\ad", "caf\u00e9"})
    void malformedScopeIsRefusedAsInvalidScope(String malformed) {
        assertRefused(codeRequest(app, verifier).set("scope", malformed), OAuthErrorCode.INVALID_SCOPE);
    }

    @Test
    void emptyScopeIsTheClientsRegisteredScope() {
        assertThat(h.validRequest(codeRequest(app, verifier).set("scope", "")).scope()).isEqualTo(scope("read write"));
        assertThat(h.validRequest(codeRequest(app, verifier).remove("scope")).scope()).isEqualTo(scope("read write"));
    }

    @Test
    void narrowerScopeIsKeptAsAsked() {
        assertThat(h.validRequest(codeRequest(app, verifier).set("scope", "write")).scope()).isEqualTo(scope("write"));
    }

    @Test
    void missingPkceIsRefusedAsInvalidRequestForAPublicClient() {
        assertRefused(codeRequest(app, verifier).remove("code_challenge").remove("code_challenge_method"),
                OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void missingPkceIsRefusedAsInvalidRequestForAConfidentialClientByDefault() {
        TestClient web = h.webApp(scope("read"), GrantType.AUTHORIZATION_CODE);

        assertRefused(codeRequest(web, verifier).remove("code_challenge").remove("code_challenge_method"),
                OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void plainChallengeMethodIsRefusedAsInvalidRequest() {
        assertRefused(codeRequest(app, verifier).set("code_challenge_method", "plain"), OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void plainChallengeMethodIsRefusedEvenWithTheVerifierItselfAsChallenge() {
        assertRefused(codeRequest(app, verifier).set("code_challenge", verifier.value()).set("code_challenge_method", "plain"),
                OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void challengeWithoutMethodIsRefusedBecauseItWouldMeanPlain() {
        assertRefused(codeRequest(app, verifier).remove("code_challenge_method"), OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void lowerCaseS256IsRefusedAsInvalidRequest() {
        assertRefused(codeRequest(app, verifier).set("code_challenge_method", "s256"), OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void methodWithoutChallengeIsRefusedAsInvalidRequest() {
        assertRefused(codeRequest(app, verifier).remove("code_challenge"), OAuthErrorCode.INVALID_REQUEST);
    }

    @ParameterizedTest
    @ValueSource(strings = {"short", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM1",
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-c="})
    void malformedChallengeIsRefusedAsInvalidRequest(String challenge) {
        assertRefused(codeRequest(app, verifier).set("code_challenge", challenge), OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void confidentialClientRegisteredWithoutPkceMayOmitIt() {
        TestClient legacy = h.webApp(scope("read"), List.of(CALLBACK), false, GrantType.AUTHORIZATION_CODE);

        AuthorizationRequest request = h.validRequest(
                codeRequest(legacy, verifier).remove("code_challenge").remove("code_challenge_method"));

        assertThat(request.challenge()).isEmpty();
    }

    @Test
    void confidentialClientRegisteredWithoutPkceMayStillUseIt() {
        TestClient legacy = h.webApp(scope("read"), List.of(CALLBACK), false, GrantType.AUTHORIZATION_CODE);

        assertThat(h.validRequest(codeRequest(legacy, verifier)).challenge()).contains(PkceChallenge.of(verifier));
    }

    @Test
    void confidentialClientRegisteredWithoutPkceIsStillRefusedThePlainMethod() {
        TestClient legacy = h.webApp(scope("read"), List.of(CALLBACK), false, GrantType.AUTHORIZATION_CODE);

        assertRefused(codeRequest(legacy, verifier).set("code_challenge_method", "plain"), OAuthErrorCode.INVALID_REQUEST);
    }

    @Test
    void refusalGoesToTheRedirectUriTheRequestNamed() {
        TestClient several = h.publicApp(scope("read"), List.of(CALLBACK, OTHER_CALLBACK), GrantType.AUTHORIZATION_CODE);

        AuthorizationCheck.Refused refused = refused(
                codeRequest(several, verifier).set("redirect_uri", OTHER_CALLBACK).set("scope", "admin"));

        assertThat(refused.redirectUri()).isEqualTo(new RedirectUri(OTHER_CALLBACK));
    }

    @Test
    void refusalGoesToTheOnlyRegisteredRedirectUriWhenTheRequestNamedNone() {
        AuthorizationCheck.Refused refused = refused(codeRequest(app, verifier).remove("redirect_uri").set("scope", "admin"));

        assertThat(refused.redirectUri()).isEqualTo(new RedirectUri(CALLBACK));
    }

    @Test
    void refusalWithoutStateCarriesNoState() {
        assertThat(refused(codeRequest(app, verifier).remove("state").set("response_type", "token")).state()).isEmpty();
    }

    @Test
    void stateIsCarriedThroughAsGiven() {
        String state = "a b/c?d=e&f+g%20";

        assertThat(h.validRequest(codeRequest(app, verifier).set("state", state)).state()).contains(state);
        assertThat(refused(codeRequest(app, verifier).set("state", state).set("scope", "admin")).state()).contains(state);
    }

    @Test
    void missingStateIsValid() {
        assertThat(h.validRequest(codeRequest(app, verifier).remove("state")).state()).isEmpty();
    }

    @Test
    void responseTypeIsCheckedBeforeScopeAndPkce() {
        Params params = codeRequest(app, verifier).set("response_type", "token").set("scope", "admin").remove("code_challenge");

        assertThat(refused(params).error().code()).isEqualTo(OAuthErrorCode.UNSUPPORTED_RESPONSE_TYPE);
    }

    // --- helpers -------------------------------------------------------------------------------

    /** A code request of a client that need not have a redirect URI. */
    private Params params(TestClient client) {
        return Harness.params()
                .set("response_type", "code")
                .set("client_id", client.id().value())
                .set("code_challenge", PkceChallenge.of(verifier).value())
                .set("code_challenge_method", PkceChallenge.S256)
                .set("state", STATE);
    }

    private AuthorizationCheck.Untrusted untrusted(Params params) {
        AuthorizationCheck check = h.authorize(params);
        assertThat(check).isInstanceOf(AuthorizationCheck.Untrusted.class);
        return (AuthorizationCheck.Untrusted) check;
    }

    private void assertUntrusted(Params params) {
        assertThat(untrusted(params).error().code()).isEqualTo(OAuthErrorCode.INVALID_REQUEST);
    }

    private AuthorizationCheck.Refused refused(Params params) {
        AuthorizationCheck check = h.authorize(params);
        assertThat(check).isInstanceOf(AuthorizationCheck.Refused.class);
        return (AuthorizationCheck.Refused) check;
    }

    /** Refused with {@code code}, back to the verified {@link Harness#CALLBACK}, with the request's state. */
    private void assertRefused(Params params, OAuthErrorCode code) {
        AuthorizationCheck.Refused refused = refused(params);
        assertThat(refused.error().code()).isEqualTo(code);
        assertThat(refused.redirectUri()).isEqualTo(new RedirectUri(CALLBACK));
        assertThat(refused.state()).isEqualTo(Optional.of(STATE));
    }
}

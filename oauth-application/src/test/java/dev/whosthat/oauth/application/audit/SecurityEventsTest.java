package dev.whosthat.oauth.application.audit;

import static dev.whosthat.oauth.application.Harness.await;
import static dev.whosthat.oauth.application.Harness.accessValue;
import static dev.whosthat.oauth.application.Harness.refreshValue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.application.Harness.TestUser;
import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.application.introspect.ClientTokenRequest;
import dev.whosthat.oauth.application.token.GrantRequest;
import dev.whosthat.oauth.application.token.TokenGranted;
import dev.whosthat.oauth.application.token.TokenRequest;
import dev.whosthat.oauth.domain.audit.SecurityEvent;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.port.AuditTrail;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.user.Password;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The use cases tell the audit trail who did what, from where, and never anything secret. */
class SecurityEventsTest {

    private static final SourceAddress FROM = new SourceAddress("192.0.2.44");

    private final Harness h = new Harness();
    private final TestUser alice = h.user();
    private final TestClient app = h.confidential(Scope.EMPTY, GrantType.PASSWORD, GrantType.CLIENT_CREDENTIALS,
            GrantType.REFRESH_TOKEN);

    private TokenGranted passwordGrant(Password password) {
        return await(h.useCases.requestToken().handle(new TokenRequest(app.credentials(),
                new GrantRequest.ResourceOwnerPassword(alice.username(), password, Scope.EMPTY), FROM))).orElseThrow();
    }

    @Test
    void aPasswordGrantRecordsTheSignInAndTheIssuedToken() {
        TokenGranted granted = passwordGrant(alice.password());

        assertThat(h.events).extracting(SecurityEvent::type)
                .containsExactly(SecurityEventType.SIGN_IN_SUCCEEDED, SecurityEventType.TOKEN_ISSUED);
        SecurityEvent issued = h.events(SecurityEventType.TOKEN_ISSUED).get(0);
        assertThat(issued.subject()).contains(alice.username().value());
        assertThat(issued.client()).contains(app.id());
        assertThat(issued.source()).isEqualTo(FROM);
        assertThat(issued.detail()).isEqualTo("password");
        assertThat(issued.at()).isEqualTo(Harness.NOW);
        assertThat(h.events.toString()).doesNotContain(accessValue(granted).value(), refreshValue(granted).value(),
                alice.password().value());
        assertThat(h.events(SecurityEventType.SIGN_IN_SUCCEEDED).get(0).detail()).isEqualTo("password_grant");
    }

    @Test
    void aWrongPasswordRecordsAFailedSignInAndNoToken() {
        await(h.useCases.requestToken().handle(new TokenRequest(app.credentials(),
                new GrantRequest.ResourceOwnerPassword(alice.username(), new Password("wrong"), Scope.EMPTY), FROM)));

        assertThat(h.events).extracting(SecurityEvent::type).containsExactly(SecurityEventType.SIGN_IN_FAILED);
        assertThat(h.events.get(0).subject()).contains(alice.username().value());
        assertThat(h.events.get(0).source()).isEqualTo(FROM);
    }

    @Test
    void theSignInPageRecordsItsChannelAndClient() {
        await(h.useCases.signIn().handle(alice.username(), alice.password(), Optional.of(app.id()), FROM));

        assertThat(h.events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SecurityEventType.SIGN_IN_SUCCEEDED);
            assertThat(event.detail()).isEqualTo("sign_in_page");
            assertThat(event.client()).contains(app.id());
        });
    }

    @Test
    void aClientCredentialsTokenHasNoSubject() {
        await(h.useCases.requestToken().handle(new TokenRequest(app.credentials(),
                new GrantRequest.ClientCredentials(Scope.EMPTY), FROM))).orElseThrow();

        assertThat(h.events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SecurityEventType.TOKEN_ISSUED);
            assertThat(event.subject()).isEmpty();
            assertThat(event.detail()).isEqualTo("client_credentials");
        });
    }

    @Test
    void aFailedClientAuthenticationRecordsTheClaimedIdAndNotTheSecret() {
        String guessed = "g".repeat(40);
        var wrong = new ClientCredentials.WithSecret(app.id(), new ClientSecret(guessed), app.registered().authMethod());

        await(h.useCases.requestToken().handle(new TokenRequest(wrong, new GrantRequest.ClientCredentials(Scope.EMPTY), FROM)));

        assertThat(h.events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SecurityEventType.CLIENT_AUTHENTICATION_FAILED);
            assertThat(event.client()).contains(app.id());
            assertThat(event.source()).isEqualTo(FROM);
            assertThat(event.toString()).doesNotContain(guessed);
        });
    }

    @Test
    void revokingARefreshTokenRecordsIt() {
        TokenGranted granted = passwordGrant(alice.password());
        h.events.clear();

        await(h.useCases.revokeToken().handle(new ClientTokenRequest(app.credentials(),
                Optional.of(refreshValue(granted)), Optional.empty(), FROM))).orElseThrow();

        assertThat(h.events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SecurityEventType.TOKEN_REVOKED);
            assertThat(event.detail()).isEqualTo("refresh_token");
            assertThat(event.subject()).contains(alice.username().value());
        });
    }

    @Test
    void revokingAnUnknownTokenRecordsNothing() {
        await(h.useCases.revokeToken().handle(new ClientTokenRequest(app.credentials(),
                Optional.of(h.generator.newToken()), Optional.empty(), FROM))).orElseThrow();

        assertThat(h.events).isEmpty();
    }

    @Test
    void aTrailThatThrowsLosesTheEventButNotTheRequest() {
        AuditTrail broken = event -> {
            throw new IllegalStateException("trail down");
        };
        OAuthUseCases withBrokenTrail = OAuthUseCases.wire(new OAuthUseCases.Ports(h.clients, h.users, h.tokens, h.codes,
                h.sessions, h.consents, h.failures, h.hasher, h.generator, broken, h.clock), TokenLifetimes.DEFAULTS);

        var granted = await(withBrokenTrail.requestToken().handle(new TokenRequest(app.credentials(),
                new GrantRequest.ClientCredentials(Scope.EMPTY), FROM)));

        assertThat(granted.isOk()).isTrue();
    }
}

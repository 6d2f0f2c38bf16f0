package dev.whosthat.oauth.application.authorize;

import static dev.whosthat.oauth.application.Harness.await;
import static dev.whosthat.oauth.application.Harness.codeRequest;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.application.Harness.TestUser;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.consent.Consent;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** CheckConsent and RecordConsent: consent for a client and scope is remembered, and widened by later consents. */
class ConsentTest {

    private final Harness h = new Harness();
    private final TestClient app = h.publicApp(scope("read write admin"), GrantType.AUTHORIZATION_CODE);
    private final TestUser alice = h.user();

    @Test
    void noConsentYetIsNotConsent() {
        assertThat(hasConsented(alice, app, "read")).isFalse();
    }

    @Test
    void consentForReadCoversRead() {
        record(alice, app, "read");

        assertThat(hasConsented(alice, app, "read")).isTrue();
    }

    @Test
    void consentForReadDoesNotCoverReadWrite() {
        record(alice, app, "read");

        assertThat(hasConsented(alice, app, "read write")).isFalse();
    }

    @Test
    void consentForAWiderScopeCoversANarrowerRequest() {
        record(alice, app, "read write");

        assertThat(hasConsented(alice, app, "write")).isTrue();
    }

    @Test
    void laterConsentForWriteIsMergedSoReadWriteIsCovered() {
        record(alice, app, "read");
        record(alice, app, "write");

        assertThat(hasConsented(alice, app, "read write")).isTrue();
        assertThat(hasConsented(alice, app, "read write admin")).isFalse();
    }

    @Test
    void recordingReturnsTheMergedConsentWithTheTimeOfTheLatest() {
        record(alice, app, "read");
        h.clock.advance(Duration.ofMinutes(7));

        Consent merged = record(alice, app, "write");

        assertThat(merged.scope()).isEqualTo(scope("read write"));
        assertThat(merged.subject()).isEqualTo(alice.account().id());
        assertThat(merged.clientId()).isEqualTo(app.id());
        assertThat(merged.grantedAt()).isEqualTo(Harness.NOW.plus(Duration.ofMinutes(7)));
    }

    @Test
    void recordingANarrowerScopeLaterKeepsTheWiderOne() {
        record(alice, app, "read write");
        record(alice, app, "read");

        assertThat(hasConsented(alice, app, "read write")).isTrue();
    }

    @Test
    void requestWithoutScopeAsksForTheClientsWholeScope() {
        record(alice, app, "read write");

        assertThat(hasConsented(alice, app, "")).isFalse();
        record(alice, app, "");
        assertThat(hasConsented(alice, app, "")).isTrue();
    }

    @Test
    void consentIsPerClient() {
        TestClient other = h.publicApp(scope("read write"), GrantType.AUTHORIZATION_CODE);
        record(alice, app, "read");

        assertThat(hasConsented(alice, other, "read")).isFalse();
    }

    @Test
    void consentIsPerUser() {
        TestUser bob = h.user();
        record(alice, app, "read");

        assertThat(hasConsented(bob, app, "read")).isFalse();
    }

    private AuthorizationRequest request(TestClient client, String scope) {
        Harness.Params params = codeRequest(client, h.verifier());
        if (!scope.isEmpty()) {
            params.set("scope", scope);
        }
        return h.validRequest(params);
    }

    private boolean hasConsented(TestUser user, TestClient client, String scope) {
        return await(h.useCases.checkConsent().handle(user.account().id(), request(client, scope)));
    }

    private Consent record(TestUser user, TestClient client, String scope) {
        return await(h.useCases.recordConsent().handle(user.account().id(), request(client, scope)));
    }
}

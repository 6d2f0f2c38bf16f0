package dev.whosthat.oauth.domain.port;

import static dev.whosthat.oauth.domain.port.Stages.await;
import static dev.whosthat.oauth.domain.port.TestTokens.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.domain.consent.Consent;
import dev.whosthat.oauth.domain.scope.Scope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link ConsentStore} contract, run against every adapter. Subjects and clients are unique per test. */
public abstract class ConsentStoreContract {

    private ConsentStore consents;

    /** The store under test; called once before each test. */
    protected abstract ConsentStore store();

    @BeforeEach
    void createStore() {
        consents = store();
    }

    @Test
    void unknownConsentIsNotFound() {
        assertThat(await(consents.find(TestUsers.newId(), TestTokens.newClientId()))).isEmpty();
    }

    @Test
    void grantedConsentIsFoundWithEveryField() {
        Consent consent = TestCodes.consent(Scope.of("read", "write"), T0);

        assertThat(await(consents.grant(consent))).isEqualTo(consent);

        assertThat(await(consents.find(consent.subject(), consent.clientId()))).contains(consent);
    }

    @Test
    void consentForTheEmptyScopeIsKept() {
        Consent consent = TestCodes.consent(Scope.EMPTY, T0);

        await(consents.grant(consent));

        assertThat(await(consents.find(consent.subject(), consent.clientId()))).contains(consent);
    }

    @Test
    void laterGrantWidensTheConsentToTheUnionOfBothScopes() {
        Consent first = TestCodes.consent(Scope.of("read", "profile"), T0);
        Consent later = new Consent(first.subject(), first.clientId(), Scope.of("write", "read"), T0.plusSeconds(60));
        await(consents.grant(first));

        Consent stored = await(consents.grant(later));

        Consent union = new Consent(first.subject(), first.clientId(), Scope.of("read", "profile", "write"),
                T0.plusSeconds(60));
        assertThat(stored).isEqualTo(union);
        assertThat(await(consents.find(first.subject(), first.clientId()))).contains(union);
    }

    @Test
    void narrowerLaterGrantNarrowsNothing() {
        Consent first = TestCodes.consent(Scope.of("read", "write"), T0);
        Consent later = new Consent(first.subject(), first.clientId(), Scope.of("read"), T0.plusSeconds(60));
        await(consents.grant(first));

        assertThat(await(consents.grant(later)).scope()).isEqualTo(Scope.of("read", "write"));
    }

    @Test
    void grantingTheSameConsentTwiceKeepsOne() {
        Consent consent = TestCodes.consent(Scope.of("read"), T0);
        await(consents.grant(consent));

        assertThat(await(consents.grant(consent))).isEqualTo(consent);
        assertThat(await(consents.find(consent.subject(), consent.clientId()))).contains(consent);
    }

    @Test
    void consentsAreKeptPerSubjectAndClient() {
        Consent consent = TestCodes.consent(Scope.of("read"), T0);
        Consent otherClient = new Consent(consent.subject(), TestTokens.newClientId(), Scope.of("admin"), T0);
        Consent otherSubject = new Consent(TestUsers.newId(), consent.clientId(), Scope.of("write"), T0);

        await(consents.grant(consent));
        await(consents.grant(otherClient));
        await(consents.grant(otherSubject));

        assertThat(await(consents.find(consent.subject(), consent.clientId()))).contains(consent);
        assertThat(await(consents.find(otherClient.subject(), otherClient.clientId()))).contains(otherClient);
        assertThat(await(consents.find(otherSubject.subject(), otherSubject.clientId()))).contains(otherSubject);
    }

    @Test
    void revokedConsentIsForgotten() {
        Consent consent = TestCodes.consent(Scope.of("read"), T0);
        await(consents.grant(consent));

        await(consents.revoke(consent.subject(), consent.clientId()));

        assertThat(await(consents.find(consent.subject(), consent.clientId()))).isEmpty();
    }

    @Test
    void revokingAnUnknownConsentIsHarmless() {
        await(consents.revoke(TestUsers.newId(), TestTokens.newClientId()));
    }

    @Test
    void revokingOneConsentLeavesOthersAlone() {
        Consent revoked = TestCodes.consent(Scope.of("read"), T0);
        Consent other = new Consent(revoked.subject(), TestTokens.newClientId(), Scope.of("read"), T0);
        await(consents.grant(revoked));
        await(consents.grant(other));

        await(consents.revoke(revoked.subject(), revoked.clientId()));

        assertThat(await(consents.find(other.subject(), other.clientId()))).contains(other);
    }

    @Test
    void revokingAllOfAClientForgetsEveryConsentGivenToItAndNoOther() {
        Consent first = TestCodes.consent(Scope.of("read"), T0);
        Consent sameClient = new Consent(TestUsers.newId(), first.clientId(), Scope.of("write"), T0);
        Consent otherClient = new Consent(first.subject(), TestTokens.newClientId(), Scope.of("read"), T0);
        List.of(first, sameClient, otherClient).forEach(c -> await(consents.grant(c)));

        await(consents.revokeAllOf(first.clientId()));

        assertThat(await(consents.find(first.subject(), first.clientId()))).isEmpty();
        assertThat(await(consents.find(sameClient.subject(), sameClient.clientId()))).isEmpty();
        assertThat(await(consents.find(otherClient.subject(), otherClient.clientId()))).contains(otherClient);
    }

    @Test
    void revokingAllOfASubjectForgetsEveryConsentTheyGaveAndNoOther() {
        Consent first = TestCodes.consent(Scope.of("read"), T0);
        Consent sameSubject = new Consent(first.subject(), TestTokens.newClientId(), Scope.of("write"), T0);
        Consent otherSubject = new Consent(TestUsers.newId(), first.clientId(), Scope.of("read"), T0);
        List.of(first, sameSubject, otherSubject).forEach(c -> await(consents.grant(c)));

        await(consents.revokeAllOf(first.subject()));

        assertThat(await(consents.find(first.subject(), first.clientId()))).isEmpty();
        assertThat(await(consents.find(sameSubject.subject(), sameSubject.clientId()))).isEmpty();
        assertThat(await(consents.find(otherSubject.subject(), otherSubject.clientId()))).contains(otherSubject);
    }

    @Test
    void grantAfterRevocationStartsAfresh() {
        Consent first = TestCodes.consent(Scope.of("read", "write"), T0);
        await(consents.grant(first));
        await(consents.revoke(first.subject(), first.clientId()));
        Consent again = new Consent(first.subject(), first.clientId(), Scope.of("profile"), T0.plusSeconds(60));

        assertThat(await(consents.grant(again))).isEqualTo(again);
    }

    @Test
    void concurrentGrantsLoseNoScope() throws Exception {
        Consent base = TestCodes.consent(Scope.EMPTY, T0);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < Concurrently.THREADS; i++) {
            tokens.add("scope-" + i);
        }

        List<Consent> stored = Concurrently.run(Concurrently.THREADS, i -> consents.grant(
                new Consent(base.subject(), base.clientId(), Scope.of(tokens.get(i)), T0.plusSeconds(i))));

        for (int i = 0; i < Concurrently.THREADS; i++) {
            assertThat(stored.get(i).scope().contains(tokens.get(i))).isTrue();
        }
        assertThat(await(consents.find(base.subject(), base.clientId())))
                .hasValueSatisfying(c -> assertThat(c.scope().tokens()).containsExactlyInAnyOrderElementsOf(tokens));
    }
}

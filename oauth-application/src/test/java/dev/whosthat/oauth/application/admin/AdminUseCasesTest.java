package dev.whosthat.oauth.application.admin;

import static dev.whosthat.oauth.application.Harness.accessValue;
import static dev.whosthat.oauth.application.Harness.await;
import static dev.whosthat.oauth.application.Harness.refreshValue;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.application.Harness.TestUser;
import dev.whosthat.oauth.application.OAuthUseCases;
import dev.whosthat.oauth.application.introspect.Introspection;
import dev.whosthat.oauth.application.token.TokenGranted;
import dev.whosthat.oauth.domain.audit.SecurityEventType;
import dev.whosthat.oauth.domain.audit.SourceAddress;
import dev.whosthat.oauth.domain.client.ClientAuthMethod;
import dev.whosthat.oauth.domain.client.ClientCredentials;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.ClientSecret;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.client.RegisteredClient;
import dev.whosthat.oauth.domain.code.CodeVerifier;
import dev.whosthat.oauth.domain.consent.Consent;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.session.LoginSession;
import dev.whosthat.oauth.domain.token.Minted;
import dev.whosthat.oauth.domain.token.TokenValue;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.Username;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AdminUseCasesTest {

    private static final SourceAddress CLI = new SourceAddress("cli");

    private final Harness h = new Harness();
    private final AdminUseCases admin = AdminUseCases.wire(new OAuthUseCases.Ports(h.clients, h.users, h.tokens, h.codes,
            h.sessions, h.consents, h.failures, h.hasher, h.generator, h.audit, h.clock));

    private static NewClient confidential(String id) {
        return new NewClient(new ClientId(id), "Reports", ClientAuthMethod.CLIENT_SECRET_BASIC,
                Set.of(GrantType.CLIENT_CREDENTIALS), List.of(), scope("reports"), true);
    }

    private TestClient created(NewClient command) {
        CreatedClient created = await(admin.createClient().handle(command)).orElseThrow();
        ClientCredentials credentials = created.secret()
                .<ClientCredentials>map(s -> new ClientCredentials.WithSecret(command.id(), s, command.authMethod()))
                .orElseGet(() -> new ClientCredentials.PublicClient(command.id()));
        return new TestClient(created.client(), created.secret(), credentials);
    }

    // --- clients ----------------------------------------------------------------------------

    @Test
    void createdConfidentialClientGetsAHighEntropySecretStoredOnlyAsItsDigest() {
        TestClient client = created(confidential("reports"));

        ClientSecret secret = client.secret().orElseThrow();
        assertThat(secret.value()).hasSizeGreaterThanOrEqualTo(43);
        RegisteredClient stored = await(h.clients.findById(client.id())).orElseThrow();
        assertThat(stored.secretDigest()).contains(secret.digest());
        assertThat(h.clientCredentials(client, Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void eachCreatedClientGetsItsOwnSecret() {
        ClientSecret first = created(confidential("first")).secret().orElseThrow();
        ClientSecret second = created(confidential("second")).secret().orElseThrow();

        assertThat(first.value()).isNotEqualTo(second.value());
    }

    @Test
    void createdPublicClientHasNoSecret() {
        TestClient client = created(new NewClient(new ClientId("spa"), "SPA", ClientAuthMethod.NONE,
                Set.of(GrantType.AUTHORIZATION_CODE, GrantType.REFRESH_TOKEN),
                List.of(new RedirectUri(Harness.CALLBACK)), scope("read"), true));

        assertThat(client.secret()).isEmpty();
        assertThat(await(h.clients.findById(client.id())).orElseThrow().secretDigest()).isEmpty();
    }

    @Test
    void creatingATakenClientIdIsAlreadyExistsAndKeepsTheFirst() {
        TestClient first = created(confidential("reports"));

        assertThat(await(admin.createClient().handle(confidential("reports"))))
                .isInstanceOf(AdminOutcome.AlreadyExists.class);

        assertThat(await(h.clients.findById(first.id()))).contains(first.registered());
    }

    @Test
    void newClientBreakingARegistrationRuleIsRefusedWithAReason() {
        assertThatThrownBy(() -> new NewClient(new ClientId("spa"), "SPA", ClientAuthMethod.NONE,
                Set.of(GrantType.CLIENT_CREDENTIALS), List.of(), Scope.EMPTY, true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("client_credentials");
    }

    @Test
    void rotatedSecretReplacesTheOldOneAtOnceAndIsAudited() {
        TestClient client = created(confidential("reports"));

        ClientSecret rotated = await(admin.rotateClientSecret().handle(client.id(), CLI)).orElseThrow();

        assertThat(rotated.value()).isNotEqualTo(client.secret().orElseThrow().value());
        assertThat(h.clientCredentials(client, Scope.EMPTY).isOk()).isFalse();
        var renewed = new ClientCredentials.WithSecret(client.id(), rotated, ClientAuthMethod.CLIENT_SECRET_BASIC);
        assertThat(h.token(renewed, new dev.whosthat.oauth.application.token.GrantRequest.ClientCredentials(Scope.EMPTY))
                .isOk()).isTrue();
        assertThat(h.events).filteredOn(event -> event.type() == SecurityEventType.CLIENT_SECRET_ROTATED)
                .singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo(SecurityEventType.CLIENT_SECRET_ROTATED);
            assertThat(event.client()).contains(client.id());
            assertThat(event.source()).isEqualTo(CLI);
            assertThat(event.at()).isEqualTo(Harness.NOW);
        });
    }

    @Test
    void rotatingThePublicClientsSecretIsNotApplicableAndUnknownClientsIsNotFound() {
        TestClient spa = h.publicClient(scope("read"), GrantType.PASSWORD);

        assertThat(await(admin.rotateClientSecret().handle(spa.id(), CLI))).isInstanceOf(AdminOutcome.NotApplicable.class);
        assertThat(await(admin.rotateClientSecret().handle(new ClientId("nobody"), CLI)))
                .isInstanceOf(AdminOutcome.NotFound.class);
        assertThat(h.events).noneMatch(event -> event.type() == SecurityEventType.CLIENT_SECRET_ROTATED);
    }

    @Test
    void deletedClientsTokensNoLongerValidateNorIntrospectAndItsConsentsAndCodesAreGone() {
        TestClient app = h.webApp(scope("read"), GrantType.AUTHORIZATION_CODE, GrantType.PASSWORD,
                GrantType.REFRESH_TOKEN, GrantType.CLIENT_CREDENTIALS);
        TestClient resourceServer = h.confidential(Scope.EMPTY, GrantType.CLIENT_CREDENTIALS);
        TestUser alice = h.user();
        TokenGranted userTokens = h.password(app, alice, Scope.EMPTY).orElseThrow();
        TokenGranted clientToken = h.clientCredentials(app, Scope.EMPTY).orElseThrow();
        CodeVerifier verifier = h.verifier();
        TokenValue code = h.code(app, alice, verifier, Scope.EMPTY);
        await(h.consents.grant(new Consent(alice.account().id(), app.id(), scope("read"), Harness.NOW)));

        assertThat(await(admin.deleteClient().handle(app.id()))).isEqualTo(AdminOutcome.done(app.id()));

        assertThat(await(h.clients.findById(app.id()))).isEmpty();
        for (TokenGranted granted : List.of(userTokens, clientToken)) {
            assertThat(h.validate(accessValue(granted), Scope.EMPTY).isOk()).isFalse();
            assertThat(h.introspect(resourceServer, accessValue(granted)).orElseThrow())
                    .isInstanceOf(Introspection.Inactive.class);
        }
        assertThat(h.introspect(resourceServer, refreshValue(userTokens)).orElseThrow())
                .isInstanceOf(Introspection.Inactive.class);
        assertThat(await(h.codes.find(code.digest()))).isEmpty();
        assertThat(await(h.consents.find(alice.account().id(), app.id()))).isEmpty();
    }

    @Test
    void clientRegisteredAgainUnderADeletedIdInheritsNothing() {
        TestClient app = h.confidential(scope("read"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        TokenGranted old = h.password(app, h.user(), Scope.EMPTY).orElseThrow();
        await(admin.deleteClient().handle(app.id()));

        TestClient again = created(new NewClient(app.id(), "Again", ClientAuthMethod.CLIENT_SECRET_BASIC,
                Set.of(GrantType.PASSWORD, GrantType.REFRESH_TOKEN), List.of(), scope("read"), true));

        assertThat(h.refresh(again, refreshValue(old), Scope.EMPTY).isOk()).isFalse();
        assertThat(h.validate(accessValue(old), Scope.EMPTY).isOk()).isFalse();
    }

    @Test
    void deletingAnUnknownClientIsNotFound() {
        assertThat(await(admin.deleteClient().handle(new ClientId("nobody")))).isInstanceOf(AdminOutcome.NotFound.class);
    }

    // --- users ------------------------------------------------------------------------------

    @Test
    void createdUserSignsInWithThePassword() {
        TestClient app = h.confidential(scope("read"), GrantType.PASSWORD);
        Username bob = new Username("bob");
        Password password = new Password("a long passphrase");

        UserAccount account = await(admin.createUser().handle(bob, password)).orElseThrow();

        assertThat(account.passwordHash().encoded()).startsWith("$argon2id$").doesNotContain(password.value());
        assertThat(h.password(app, bob, password, Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void creatingATakenUsernameIsAlreadyExists() {
        TestUser alice = h.user();

        assertThat(await(admin.createUser().handle(alice.username(), new Password("another"))))
                .isInstanceOf(AdminOutcome.AlreadyExists.class);
        assertThat(await(h.users.findByUsername(alice.username()))).contains(alice.account());
    }

    @Test
    void newPasswordReplacesTheOldOneAndEndsEverySignInSession() {
        TestClient app = h.confidential(scope("read"), GrantType.PASSWORD);
        TestUser alice = h.user();
        Minted<LoginSession> session = await(h.useCases.signIn().handle(alice.username(), alice.password())).orElseThrow();
        Password fresh = new Password("a fresh passphrase");

        assertThat(await(admin.setUserPassword().handle(alice.username(), fresh))).isInstanceOf(AdminOutcome.Done.class);

        assertThat(h.password(app, alice, Scope.EMPTY).isOk()).isFalse();
        assertThat(h.password(app, alice.username(), fresh, Scope.EMPTY).isOk()).isTrue();
        assertThat(await(h.useCases.findSession().handle(Optional.of(session.value().value())))).isEmpty();
    }

    @Test
    void settingThePasswordOfAnUnknownUserIsNotFound() {
        assertThat(await(admin.setUserPassword().handle(new Username("nobody"), new Password("x"))))
                .isInstanceOf(AdminOutcome.NotFound.class);
    }

    @Test
    void deletedUsersTokensSessionsAndConsentsAreGoneAndOthersStay() {
        TestClient app = h.confidential(scope("read"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
        TestUser alice = h.user();
        TestUser bob = h.user();
        TokenGranted alicesTokens = h.password(app, alice, Scope.EMPTY).orElseThrow();
        TokenGranted bobsTokens = h.password(app, bob, Scope.EMPTY).orElseThrow();
        Minted<LoginSession> session = await(h.useCases.signIn().handle(alice.username(), alice.password())).orElseThrow();
        await(h.consents.grant(new Consent(alice.account().id(), app.id(), scope("read"), Harness.NOW)));

        assertThat(await(admin.deleteUser().handle(alice.username()))).isEqualTo(AdminOutcome.done(alice.account()));

        assertThat(await(h.users.findByUsername(alice.username()))).isEmpty();
        assertThat(h.validate(accessValue(alicesTokens), Scope.EMPTY).isOk()).isFalse();
        assertThat(h.refresh(app, refreshValue(alicesTokens), Scope.EMPTY).isOk()).isFalse();
        assertThat(await(h.useCases.findSession().handle(Optional.of(session.value().value())))).isEmpty();
        assertThat(await(h.consents.find(alice.account().id(), app.id()))).isEmpty();
        assertThat(h.validate(accessValue(bobsTokens), Scope.EMPTY).isOk()).isTrue();
        assertThat(h.password(app, alice, Scope.EMPTY).isOk()).isFalse();
    }

    @Test
    void deletingAnUnknownUserIsNotFound() {
        assertThat(await(admin.deleteUser().handle(new Username("nobody")))).isInstanceOf(AdminOutcome.NotFound.class);
    }

    @Test
    void refusalsCarryALineForTheOperator() {
        var refused = await(admin.deleteUser().handle(new Username("nobody")));

        assertThat(((AdminOutcome.NotFound<?>) refused).message()).isEqualTo("no user nobody");
    }
}

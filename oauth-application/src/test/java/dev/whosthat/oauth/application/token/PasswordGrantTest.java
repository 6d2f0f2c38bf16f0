package dev.whosthat.oauth.application.token;

import static dev.whosthat.oauth.application.Harness.await;
import static dev.whosthat.oauth.application.Harness.errorCode;
import static dev.whosthat.oauth.application.Harness.rejection;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher;
import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.application.Harness.TestUser;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.RefreshToken;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.PasswordCheck;
import dev.whosthat.oauth.domain.user.PasswordHash;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;
import org.junit.jupiter.api.Test;

/** RFC 6749 §4.3 */
class PasswordGrantTest {

    private final Harness h = new Harness();
    private final TestClient app = h.confidential(scope("read write"), GrantType.PASSWORD, GrantType.REFRESH_TOKEN);
    private final TestUser alice = h.user();

    @Test
    void rightPasswordIssuesTokensForTheUserWithARefreshToken() {
        TokenGranted granted = h.password(app, alice, scope("read")).orElseThrow();

        assertThat(granted.grantedScope()).isEqualTo(scope("read"));
        assertThat(granted.tokens().access().token().owner()).contains(alice.account().asOwner());
        RefreshToken refresh = granted.tokens().refresh().orElseThrow().token();
        assertThat(refresh.owner()).contains(alice.account().asOwner());
        assertThat(refresh.scope()).isEqualTo(scope("read"));
        assertThat(refresh.expiresAt()).isEqualTo(Harness.NOW.plus(Harness.REFRESH_LIFETIME));
        assertThat(h.validate(Harness.accessValue(granted), scope("read")).isOk()).isTrue();
    }

    @Test
    void theNewGrantsIdBeginsWithItsIssueTime() {
        assertThat(h.password(app, alice, scope("read")).orElseThrow().tokens().grant().value())
                .startsWith(Harness.grantTimeAtNow());
    }

    @Test
    void clientWithoutTheRefreshGrantGetsNoRefreshToken() {
        TestClient noRefresh = h.confidential(scope("read"), GrantType.PASSWORD);

        TokenGranted granted = h.password(noRefresh, alice, Scope.EMPTY).orElseThrow();

        assertThat(granted.tokens().refresh()).isEmpty();
        assertThat(granted.tokens().opensGrant()).isTrue();
        assertThat(h.validate(Harness.accessValue(granted), Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void publicClientMayUseThePasswordGrant() {
        TestClient publicApp = h.publicClient(scope("profile"), GrantType.PASSWORD);

        assertThat(h.password(publicApp, alice, Scope.EMPTY).orElseThrow().grantedScope()).isEqualTo(scope("profile"));
    }

    @Test
    void noScopeAskedGrantsTheClientsWholeScope() {
        TokenGranted granted = h.password(app, alice, Scope.EMPTY).orElseThrow();

        assertThat(granted.grantedScope()).isEqualTo(scope("read write"));
        assertThat(granted.tokens().refresh().orElseThrow().token().scope()).isEqualTo(scope("read write"));
        assertThat(granted.mustStateScope()).isTrue();
    }

    @Test
    void scopeBeyondTheClientsIsInvalidScope() {
        assertThat(errorCode(h.password(app, alice, scope("admin")))).isEqualTo(OAuthErrorCode.INVALID_SCOPE);
    }

    @Test
    void unknownUserAndWrongPasswordGiveTheSameInvalidGrant() {
        var unknownUser = rejection(h.password(app, new Username("nobody"), alice.password(), Scope.EMPTY));
        var wrongPassword = rejection(h.password(app, alice.username(), new Password("not-the-password"), Scope.EMPTY));

        assertThat(unknownUser.code()).isEqualTo(OAuthErrorCode.INVALID_GRANT);
        assertThat(unknownUser).isEqualTo(wrongPassword);
    }

    @Test
    void anotherUsersPasswordIsInvalidGrant() {
        TestUser bob = h.user();

        assertThat(errorCode(h.password(app, alice.username(), bob.password(), Scope.EMPTY)))
                .isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }

    @Test
    void hashMadeAtALowerCostIsRehashedAtTheCurrentCostAfterSignIn() {
        var weakHasher = new Argon2idPasswordHasher(new Argon2idPasswordHasher.Cost(32, 1, 1), Runnable::run);
        Password password = new Password("old-password-from-2019");
        PasswordHash weak = await(weakHasher.hash(password));
        UserAccount carol = new UserAccount(new UserId("carol-id"), new Username("carol"), weak);
        await(h.users.add(carol));

        assertThat(h.password(app, carol.username(), password, Scope.EMPTY).isOk()).isTrue();

        PasswordHash stored = await(h.users.findByUsername(carol.username())).orElseThrow().passwordHash();
        assertThat(stored).isNotEqualTo(weak);
        assertThat(stored.encoded()).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(await(h.hasher.verify(password, stored))).isEqualTo(PasswordCheck.MATCH);
        assertThat(h.password(app, carol.username(), password, Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void hashAtTheCurrentCostIsLeftAlone() {
        assertThat(h.password(app, alice, Scope.EMPTY).isOk()).isTrue();

        assertThat(await(h.users.findByUsername(alice.username())).orElseThrow().passwordHash())
                .isEqualTo(alice.account().passwordHash());
    }

    @Test
    void wrongPasswordAgainstAWeakHashDoesNotRehash() {
        var weakHasher = new Argon2idPasswordHasher(new Argon2idPasswordHasher.Cost(32, 1, 1), Runnable::run);
        PasswordHash weak = await(weakHasher.hash(new Password("right")));
        UserAccount dave = new UserAccount(new UserId("dave-id"), new Username("dave"), weak);
        await(h.users.add(dave));

        assertThat(errorCode(h.password(app, dave.username(), new Password("wrong"), Scope.EMPTY)))
                .isEqualTo(OAuthErrorCode.INVALID_GRANT);

        assertThat(await(h.users.findByUsername(dave.username())).orElseThrow().passwordHash()).isEqualTo(weak);
    }
}

package dev.whosthat.oauth.application.user;

import static dev.whosthat.oauth.application.Harness.await;
import static dev.whosthat.oauth.application.Harness.errorCode;
import static dev.whosthat.oauth.application.Harness.scope;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.application.Harness;
import dev.whosthat.oauth.application.Harness.TestClient;
import dev.whosthat.oauth.domain.client.GrantType;
import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.PasswordCheck;
import dev.whosthat.oauth.domain.user.UserAccount;
import dev.whosthat.oauth.domain.user.Username;
import org.junit.jupiter.api.Test;

class RegisterUserTest {

    private static final Username ALICE = new Username("alice");
    private static final Password PASSWORD = new Password("alice-password-1");

    private final Harness h = new Harness();

    @Test
    void registeredUserIsStoredWithAPasswordHashAndCanSignIn() {
        UserAccount account = await(h.useCases.registerUser().handle(ALICE, PASSWORD)).orElseThrow();

        assertThat(await(h.users.findByUsername(ALICE))).contains(account);
        assertThat(account.passwordHash().encoded()).startsWith("$argon2id$").doesNotContain(PASSWORD.value());
        assertThat(await(h.hasher.verify(PASSWORD, account.passwordHash()))).isEqualTo(PasswordCheck.MATCH);
        TestClient app = h.confidential(scope("read"), GrantType.PASSWORD);
        assertThat(h.password(app, ALICE, PASSWORD, Scope.EMPTY).isOk()).isTrue();
    }

    @Test
    void everyUserGetsANewSubjectId() {
        UserAccount alice = await(h.useCases.registerUser().handle(ALICE, PASSWORD)).orElseThrow();
        UserAccount bob = await(h.useCases.registerUser().handle(new Username("bob"), PASSWORD)).orElseThrow();

        assertThat(alice.id()).isNotEqualTo(bob.id());
        assertThat(alice.id().value()).isNotEqualTo(ALICE.value());
    }

    @Test
    void takenUsernameIsRejectedAndTheFirstPasswordStillWorks() {
        await(h.useCases.registerUser().handle(ALICE, PASSWORD));
        Password other = new Password("another-password");

        assertThat(errorCode(await(h.useCases.registerUser().handle(ALICE, other)))).isEqualTo(OAuthErrorCode.INVALID_REQUEST);

        TestClient app = h.confidential(scope("read"), GrantType.PASSWORD);
        assertThat(h.password(app, ALICE, PASSWORD, Scope.EMPTY).isOk()).isTrue();
        assertThat(errorCode(h.password(app, ALICE, other, Scope.EMPTY))).isEqualTo(OAuthErrorCode.INVALID_GRANT);
    }
}

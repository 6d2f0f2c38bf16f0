package dev.whosthat.oauth.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class UserValuesTest {

    @Test
    void passwordToStringIsRedacted() {
        Password password = new Password("hunter2-very-secret");

        assertThat(password.toString()).doesNotContain("hunter2").isEqualTo("Password[redacted]");
    }

    @Test
    void passwordIsOneTo1024Characters() {
        assertThat(new Password("x".repeat(Password.MAX_LENGTH)).value()).hasSize(1024);
        assertThatIllegalArgumentException().isThrownBy(() -> new Password("x".repeat(Password.MAX_LENGTH + 1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new Password(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new Password(null));
    }

    @Test
    void passwordHashToStringIsRedacted() {
        PasswordHash hash = new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");

        assertThat(hash.toString()).doesNotContain("argon2id").doesNotContain("aGFzaA").isEqualTo("PasswordHash[redacted]");
    }

    @Test
    void passwordHashMustBeAPhcString() {
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHash("plaintext"));
        assertThatIllegalArgumentException().isThrownBy(() -> new PasswordHash(null));
    }

    @Test
    void usernameRejectsControlCharactersAndBadLengths() {
        assertThat(new Username("Zoë O'Brien").value()).isEqualTo("Zoë O'Brien");
        assertThat(Username.isValid("x".repeat(255))).isTrue();
        assertThat(Username.isValid("x".repeat(256))).isFalse();
        assertThat(Username.isValid("")).isFalse();
        assertThat(Username.isValid("tab\tname")).isFalse();
        assertThat(Username.isValid("nul\u0000")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> new Username("line\nbreak"));
    }

    @Test
    void userIdIsOneTo255Characters() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UserId(""));
        assertThatIllegalArgumentException().isThrownBy(() -> new UserId("x".repeat(256)));
        assertThat(new UserId("u-1")).hasToString("u-1");
    }

    @Test
    void onlyMismatchFailsToMatch() {
        assertThat(PasswordCheck.MATCH.matches()).isTrue();
        assertThat(PasswordCheck.MATCH_NEEDS_REHASH.matches()).isTrue();
        assertThat(PasswordCheck.MISMATCH.matches()).isFalse();
    }

    @Test
    void accountBecomesTheTokenOwnerAndKeepsItsIdWhenRehashed() {
        UserAccount account = new UserAccount(new UserId("u-1"), new Username("alice"), new PasswordHash("$old"));

        UserAccount rehashed = account.withPasswordHash(new PasswordHash("$new"));

        assertThat(rehashed.id()).isEqualTo(account.id());
        assertThat(rehashed.passwordHash()).isEqualTo(new PasswordHash("$new"));
        assertThat(account.asOwner()).isEqualTo(new TokenOwnerRef(new UserId("u-1"), new Username("alice")));
    }
}

package dev.whosthat.oauth.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IssuedTokenRulesTest {

    private static final Instant ISSUED = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant EXPIRES = ISSUED.plusSeconds(3600);
    private static final GrantId GRANT = new GrantId("g-1");
    private static final ClientId CLIENT = new ClientId("app");
    private static final TokenOwnerRef OWNER = new TokenOwnerRef(new UserId("u-42"), new Username("alice"));

    private static AccessToken access(Optional<TokenOwnerRef> owner) {
        return new AccessToken(SecretDigest.of("a"), GRANT, CLIENT, owner, Scope.EMPTY, ISSUED, EXPIRES);
    }

    private static RefreshToken refresh(RefreshToken.State state) {
        return new RefreshToken(SecretDigest.of("r"), GRANT, CLIENT, Optional.of(OWNER), Scope.EMPTY, ISSUED, EXPIRES, state);
    }

    @Test
    void accessTokenIsActiveUntilJustBeforeItExpires() {
        assertThat(access(Optional.empty()).isActiveAt(ISSUED)).isTrue();
        assertThat(access(Optional.empty()).isActiveAt(EXPIRES.minusMillis(1))).isTrue();
        assertThat(access(Optional.empty()).isActiveAt(EXPIRES)).isFalse();
    }

    @Test
    void subjectIsTheOwnerOrElseTheClient() {
        assertThat(access(Optional.of(OWNER)).subject()).isEqualTo("u-42");
        assertThat(access(Optional.empty()).subject()).isEqualTo("app");
        assertThat(refresh(RefreshToken.State.ACTIVE).subject()).isEqualTo("u-42");
    }

    @Test
    void tokensMustExpireAfterTheyAreIssued() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new AccessToken(SecretDigest.of("a"), GRANT, CLIENT, Optional.empty(), Scope.EMPTY, ISSUED, ISSUED));
        assertThatIllegalArgumentException().isThrownBy(() -> new RefreshToken(SecretDigest.of("r"), GRANT, CLIENT,
                Optional.empty(), Scope.EMPTY, ISSUED, ISSUED.minusSeconds(1), RefreshToken.State.ACTIVE));
    }

    @Test
    void onlyAnActiveUnexpiredRefreshTokenIsActive() {
        assertThat(refresh(RefreshToken.State.ACTIVE).isActiveAt(ISSUED)).isTrue();
        assertThat(refresh(RefreshToken.State.ACTIVE).isActiveAt(EXPIRES)).isFalse();
        assertThat(refresh(RefreshToken.State.ROTATED).isActiveAt(ISSUED)).isFalse();
        assertThat(refresh(RefreshToken.State.REVOKED).isActiveAt(ISSUED)).isFalse();
    }

    @Test
    void withStateChangesOnlyTheState() {
        RefreshToken active = refresh(RefreshToken.State.ACTIVE);

        assertThat(active.withState(RefreshToken.State.ROTATED)).isEqualTo(refresh(RefreshToken.State.ROTATED));
    }

    @Test
    void grantIdIsOneTo64Characters() {
        assertThat(new GrantId("x".repeat(64)).value()).hasSize(64);
        assertThatIllegalArgumentException().isThrownBy(() -> new GrantId("x".repeat(65)));
        assertThatIllegalArgumentException().isThrownBy(() -> new GrantId(""));
    }
}

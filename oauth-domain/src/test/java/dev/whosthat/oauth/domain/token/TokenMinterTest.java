package dev.whosthat.oauth.domain.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.port.TestTokenGenerator;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenMinterTest {

    private static final Instant NOW = Instant.parse("2030-05-01T12:00:00Z");
    private static final TokenLifetimes LIFETIMES = new TokenLifetimes(Duration.ofMinutes(15), Duration.ofDays(7));
    private static final ClientId CLIENT = new ClientId("app");
    private static final TokenOwnerRef OWNER = new TokenOwnerRef(new UserId("u-1"), new Username("alice"));

    private final TokenMinter minter = new TokenMinter(new TestTokenGenerator(), LIFETIMES);

    @Test
    void accessOnlyMintsOneAccessTokenWithTheAccessLifetime() {
        GrantId grant = minter.newGrant(Instant.EPOCH);

        IssuedTokens issued = minter.accessOnly(grant, CLIENT, Optional.empty(), Scope.of(List.of("read")), NOW);

        AccessToken access = issued.access().token();
        assertThat(issued.refresh()).isEmpty();
        assertThat(issued.grant()).isEqualTo(grant);
        assertThat(access.clientId()).isEqualTo(CLIENT);
        assertThat(access.owner()).isEmpty();
        assertThat(access.scope()).isEqualTo(Scope.of(List.of("read")));
        assertThat(access.issuedAt()).isEqualTo(NOW);
        assertThat(access.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void mintedValuesAre43CharactersAndStoredOnlyAsTheirDigest() {
        IssuedTokens issued = minter.withRefresh(minter.newGrant(Instant.EPOCH), CLIENT, Optional.of(OWNER),
                Scope.EMPTY, Scope.EMPTY, NOW);

        assertThat(issued.access().value().value()).hasSize(43);
        assertThat(issued.refresh().orElseThrow().value().value()).hasSize(43);
        assertThat(issued.access().token().digest()).isEqualTo(issued.access().value().digest());
        assertThat(issued.refresh().orElseThrow().token().digest()).isEqualTo(issued.refresh().orElseThrow().value().digest());
        assertThat(issued.access().value()).isNotEqualTo(issued.refresh().orElseThrow().value());
    }

    @Test
    void refreshTokenCarriesTheWholeGrantScopeAndTheRefreshLifetime() {
        Scope accessScope = Scope.of(List.of("read"));
        Scope grantScope = Scope.of(List.of("read", "write"));

        IssuedTokens issued = minter.withRefresh(minter.newGrant(Instant.EPOCH), CLIENT, Optional.of(OWNER), accessScope, grantScope, NOW);

        RefreshToken refresh = issued.refresh().orElseThrow().token();
        assertThat(issued.access().token().scope()).isEqualTo(accessScope);
        assertThat(refresh.scope()).isEqualTo(grantScope);
        assertThat(refresh.state()).isEqualTo(RefreshToken.State.ACTIVE);
        assertThat(refresh.issuedAt()).isEqualTo(NOW);
        assertThat(refresh.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
        assertThat(refresh.grant()).isEqualTo(issued.grant());
        assertThat(refresh.owner()).contains(OWNER);
        assertThat(issued.access().token().owner()).contains(OWNER);
    }

    @Test
    void everyGrantAndTokenIsNew() {
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            IssuedTokens issued = minter.withRefresh(minter.newGrant(Instant.EPOCH), CLIENT, Optional.empty(), Scope.EMPTY, Scope.EMPTY, NOW);
            seen.add(issued.grant());
            seen.add(issued.access().value());
            seen.add(issued.refresh().orElseThrow().value());
        }
        assertThat(seen).hasSize(300);
    }

    @Test
    void lifetimesMustBeAtLeastOneSecond() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenLifetimes(Duration.ZERO, Duration.ofDays(1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenLifetimes(Duration.ofHours(1), Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenLifetimes(Duration.ofMillis(999), Duration.ofDays(1)));
        assertThat(new TokenLifetimes(Duration.ofSeconds(1), Duration.ofSeconds(1)).accessToken()).hasSeconds(1);
        assertThat(minter.lifetimes()).isEqualTo(LIFETIMES);
    }
}

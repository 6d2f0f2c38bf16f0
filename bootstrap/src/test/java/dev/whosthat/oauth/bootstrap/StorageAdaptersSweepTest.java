package dev.whosthat.oauth.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whosthat.oauth.adapter.memory.SecureRandomTokenGenerator;
import dev.whosthat.oauth.bootstrap.config.StorageSettings;
import dev.whosthat.oauth.domain.client.ClientId;
import dev.whosthat.oauth.domain.client.RedirectUri;
import dev.whosthat.oauth.domain.code.AuthorizationCode;
import dev.whosthat.oauth.domain.scope.Scope;
import dev.whosthat.oauth.domain.token.GrantId;
import dev.whosthat.oauth.domain.token.TokenLifetimes;
import dev.whosthat.oauth.domain.token.TokenMinter;
import dev.whosthat.oauth.domain.token.TokenValue;
import dev.whosthat.oauth.domain.user.TokenOwnerRef;
import dev.whosthat.oauth.domain.user.UserId;
import dev.whosthat.oauth.domain.user.Username;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The periodic sweep, on the memory adapters: it keeps up with any backlog, and keeps used codes for replay detection. */
class StorageAdaptersSweepTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private final Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final StorageAdapters storage = StorageAdapters.of(
            new StorageSettings(StorageSettings.Kind.MEMORY, Optional.empty(), 16), null, clock);
    private final SecureRandomTokenGenerator generator = new SecureRandomTokenGenerator();

    @Test
    void oneRunSweepsEveryExpiredTokenHoweverManyRoundsItTakes() throws Exception {
        TokenMinter minter = new TokenMinter(generator, new TokenLifetimes(Duration.ofSeconds(1), Duration.ofDays(1)));
        int expired = StorageAdapters.SWEEP_ROUND * 3 + 7;
        for (int i = 0; i < expired; i++) {
            storage.tokens().save(minter.accessOnly(minter.newGrant(Instant.EPOCH), new ClientId("c"), Optional.empty(), Scope.EMPTY, T0))
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
        }

        int swept = storage.sweepExpired(T0.plusSeconds(2)).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(swept).isEqualTo(expired);
    }

    @Test
    void aConsumedCodeOutlivesItsExpiryLongEnoughToRecogniseAReplay() throws Exception {
        TokenValue value = generator.newToken();
        AuthorizationCode code = new AuthorizationCode(value.digest(), new GrantId(generator.newId()), new ClientId("c"),
                new RedirectUri("https://app.example/cb"), true, Scope.EMPTY,
                new TokenOwnerRef(new UserId("u"), new Username("alice")), Optional.empty(), T0, T0.plusSeconds(60));
        storage.codes().save(code).toCompletableFuture().get(5, TimeUnit.SECONDS);
        storage.codes().consume(value.digest()).toCompletableFuture().get(5, TimeUnit.SECONDS);

        storage.sweepExpired(T0.plusSeconds(60).plus(StorageAdapters.CODE_REPLAY_WINDOW).minusSeconds(1))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(storage.codes().find(value.digest()).toCompletableFuture().get(5, TimeUnit.SECONDS)).isPresent();

        storage.sweepExpired(T0.plusSeconds(61).plus(StorageAdapters.CODE_REPLAY_WINDOW))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(storage.codes().find(value.digest()).toCompletableFuture().get(5, TimeUnit.SECONDS)).isEmpty();
    }
}

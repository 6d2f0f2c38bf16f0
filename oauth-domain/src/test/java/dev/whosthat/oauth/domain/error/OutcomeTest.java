package dev.whosthat.oauth.domain.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class OutcomeTest {

    private static final OAuthError DENIED = OAuthError.of(OAuthErrorCode.ACCESS_DENIED, "denied");

    @Test
    void mapTransformsAnOkValue() {
        assertThat(Outcome.ok(20).map(n -> n + 1)).isEqualTo(Outcome.ok(21));
    }

    @Test
    void mapKeepsARejectionAndNeverCallsTheMapper() {
        AtomicBoolean called = new AtomicBoolean();

        Outcome<String> mapped = Outcome.<Integer>rejected(DENIED).map(n -> {
            called.set(true);
            return "x";
        });

        assertThat(mapped).isEqualTo(Outcome.rejected(DENIED));
        assertThat(called).isFalse();
    }

    @Test
    void flatMapChainsOkValuesAndCanReject() {
        assertThat(Outcome.ok(2).flatMap(n -> Outcome.ok(n * 10))).isEqualTo(Outcome.ok(20));
        assertThat(Outcome.ok(2).<Integer>flatMap(n -> Outcome.rejected(DENIED))).isEqualTo(Outcome.rejected(DENIED));
    }

    @Test
    void flatMapKeepsARejectionAndNeverCallsNext() {
        AtomicBoolean called = new AtomicBoolean();

        Outcome<Integer> result = Outcome.<Integer>rejected(DENIED).flatMap(n -> {
            called.set(true);
            return Outcome.ok(n);
        });

        assertThat(result).isEqualTo(Outcome.rejected(DENIED));
        assertThat(called).isFalse();
    }

    @Test
    void whenOkRunsTheNextStepOnSuccess() {
        CompletionStage<Outcome<String>> stage = CompletableFuture.completedFuture(Outcome.ok(7))
                .thenCompose(Outcome.whenOk(n -> CompletableFuture.completedFuture(Outcome.ok("got " + n))));

        assertThat(stage).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(Outcome.ok("got 7"));
    }

    @Test
    void whenOkSkipsTheNextStepOnRejection() {
        AtomicBoolean called = new AtomicBoolean();

        CompletionStage<Outcome<String>> stage = CompletableFuture.completedFuture(Outcome.<Integer>rejected(DENIED))
                .thenCompose(Outcome.whenOk(n -> {
                    called.set(true);
                    return CompletableFuture.completedFuture(Outcome.ok("x"));
                }));

        assertThat(stage).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(Outcome.rejected(DENIED));
        assertThat(called).isFalse();
    }

    @Test
    void orElseThrowGivesTheValueOrFailsLoudly() {
        assertThat(Outcome.ok("v").orElseThrow()).isEqualTo("v");
        assertThatIllegalStateException().isThrownBy(() -> Outcome.rejected(DENIED).orElseThrow())
                .withMessageContaining("access_denied".toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void isOkTellsTheTwoApart() {
        assertThat(Outcome.ok(1).isOk()).isTrue();
        assertThat(Outcome.rejected(OAuthErrorCode.INVALID_GRANT, "no").isOk()).isFalse();
    }

    @Test
    void okNeedsAValueAndRejectedAnError() {
        assertThatNullPointerException().isThrownBy(() -> Outcome.ok(null));
        assertThatNullPointerException().isThrownBy(() -> Outcome.rejected((OAuthError) null));
    }
}

package dev.whosthat.oauth.adapter.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.whosthat.oauth.adapter.memory.Argon2idPasswordHasher.Cost;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.PasswordCheck;
import dev.whosthat.oauth.domain.user.PasswordHash;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Argon2idPasswordHasherTest {

    private static final String WORKER = "argon2-test-worker";
    private static final Cost CHEAP = new Cost(64, 1, 1);
    private static final Password PASSWORD = new Password("correct horse battery staple");

    private static ExecutorService workers;
    private static Argon2idPasswordHasher owasp;
    private static Argon2idPasswordHasher cheap;

    @BeforeAll
    static void createHashers() {
        workers = Executors.newFixedThreadPool(2, task -> new Thread(task, WORKER));
        owasp = new Argon2idPasswordHasher(Cost.OWASP_MINIMUM, workers);
        cheap = new Argon2idPasswordHasher(CHEAP, workers);
    }

    @AfterAll
    static void stopWorkers() {
        workers.shutdownNow();
    }

    @Test
    void hashedPasswordVerifiesAsMatch() {
        PasswordHash hash = await(owasp.hash(PASSWORD));

        assertThat(await(owasp.verify(PASSWORD, hash))).isEqualTo(PasswordCheck.MATCH);
    }

    @Test
    void wrongPasswordVerifiesAsMismatch() {
        PasswordHash hash = await(owasp.hash(PASSWORD));

        assertThat(await(owasp.verify(new Password("correct horse battery stapler"), hash)))
                .isEqualTo(PasswordCheck.MISMATCH);
    }

    @Test
    void hashIsAPhcStringWithTheOwaspMinimumCost() {
        PasswordHash hash = await(owasp.hash(PASSWORD));

        assertThat(hash.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        String[] parts = hash.encoded().split("\\$", -1);
        assertThat(parts).hasSize(6);
        assertThat(parts[4]).doesNotContain("=");
        assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
        assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
    }

    @Test
    void hashDoesNotContainThePassword() {
        assertThat(await(cheap.hash(PASSWORD)).encoded()).doesNotContain(PASSWORD.value());
    }

    @Test
    void sameTwoPasswordsHashDifferentlyBecauseOfTheSalt() {
        assertThat(await(cheap.hash(PASSWORD))).isNotEqualTo(await(cheap.hash(PASSWORD)));
    }

    @Test
    void hashMadeAtLowerCostVerifiesAsMatchNeedsRehash() {
        PasswordHash weak = await(cheap.hash(PASSWORD));

        assertThat(await(owasp.verify(PASSWORD, weak))).isEqualTo(PasswordCheck.MATCH_NEEDS_REHASH);
        assertThat(await(cheap.verify(PASSWORD, weak))).isEqualTo(PasswordCheck.MATCH);
    }

    @Test
    void wrongPasswordAgainstALowerCostHashIsMismatchNotRehash() {
        PasswordHash weak = await(cheap.hash(PASSWORD));

        assertThat(await(owasp.verify(new Password("wrong"), weak))).isEqualTo(PasswordCheck.MISMATCH);
    }

    @Test
    void hashMadeAtHigherCostVerifiesAsPlainMatch() {
        var stronger = new Argon2idPasswordHasher(new Cost(128, 2, 1), workers);

        assertThat(await(cheap.verify(PASSWORD, await(stronger.hash(PASSWORD))))).isEqualTo(PasswordCheck.MATCH);
    }

    @Test
    void anyLowerCostParameterNeedsRehash() {
        var current = new Argon2idPasswordHasher(new Cost(128, 2, 2), workers);

        for (Cost lower : List.of(new Cost(64, 2, 2), new Cost(128, 1, 2), new Cost(128, 2, 1))) {
            PasswordHash hash = await(new Argon2idPasswordHasher(lower, workers).hash(PASSWORD));
            assertThat(await(current.verify(PASSWORD, hash))).as("hash made at %s", lower)
                    .isEqualTo(PasswordCheck.MATCH_NEEDS_REHASH);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "$",
            "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
            "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=16$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=1,p=1,x=2$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=sixty,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=4,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=1,p=1$not base64!$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$c2hvcnQ",
            "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA$extra",
            "$pbkdf2-sha256$29000$N2bs/Z8zZsxZq1UKwZjT2g$9ZJ2ZbTG5Z1RvxgUoUu4sC0ax0Gr5R9Z3b3bZcBz4nA"
    })
    void hashesWeDidNotWriteVerifyAsMismatch(String encoded) {
        assertThat(await(cheap.verify(PASSWORD, new PasswordHash(encoded)))).isEqualTo(PasswordCheck.MISMATCH);
    }

    @Test
    void tamperedHashVerifiesAsMismatch() {
        String encoded = await(cheap.hash(PASSWORD)).encoded();
        String[] parts = encoded.split("\\$", -1);
        byte[] hash = Base64.getDecoder().decode(parts[5]);
        hash[0] ^= 1;
        parts[5] = Base64.getEncoder().withoutPadding().encodeToString(hash);

        assertThat(await(cheap.verify(PASSWORD, new PasswordHash(String.join("$", parts)))))
                .isEqualTo(PasswordCheck.MISMATCH);
    }

    @Test
    void decoyIsAtTheCurrentCostAndMatchesNoPassword() {
        PasswordHash decoy = owasp.decoy();

        assertThat(decoy.encoded()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        for (String guess : List.of(" ", "password", "decoy", PASSWORD.value())) {
            assertThat(await(owasp.verify(new Password(guess), decoy))).as(guess).isEqualTo(PasswordCheck.MISMATCH);
        }
    }

    @Test
    void hashersHaveDifferentDecoys() {
        assertThat(new Argon2idPasswordHasher(CHEAP, workers).decoy()).isNotEqualTo(cheap.decoy());
    }

    @Test
    void hashAndVerifyRunOnTheGivenExecutorNotTheCallerThread() {
        List<String> ranOn = new CopyOnWriteArrayList<>();
        Executor recording = task -> workers.execute(() -> {
            ranOn.add(Thread.currentThread().getName());
            task.run();
        });
        var hasher = new Argon2idPasswordHasher(CHEAP, recording);

        PasswordHash hash = await(hasher.hash(PASSWORD));
        await(hasher.verify(PASSWORD, hash));

        assertThat(ranOn).containsExactly(WORKER, WORKER);
        assertThat(Thread.currentThread().getName()).isNotEqualTo(WORKER);
    }

    @Test
    void hashDoesNoWorkBeforeTheExecutorRunsIt() {
        List<Runnable> queued = new CopyOnWriteArrayList<>();
        var hasher = new Argon2idPasswordHasher(CHEAP, queued::add);

        CompletionStage<PasswordHash> stage = hasher.hash(PASSWORD);

        assertThat(stage.toCompletableFuture()).isNotDone();
        assertThat(queued).hasSize(1);
        queued.get(0).run();
        assertThat(await(stage).encoded()).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
    }

    @Test
    void costRejectsOutOfRangeParameters() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Cost(7, 1, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Cost(64, 0, 1));
        assertThatIllegalArgumentException().isThrownBy(() -> new Cost(64, 1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new Cost(64, 1, 17));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Cost(4 * 1024 * 1024 + 1, 1, 1));
    }

    private static <T> T await(CompletionStage<T> stage) {
        return assertThat(stage).succeedsWithin(Duration.ofSeconds(10)).actual();
    }
}

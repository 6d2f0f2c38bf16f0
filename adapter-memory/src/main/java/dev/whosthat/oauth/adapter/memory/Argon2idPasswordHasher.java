package dev.whosthat.oauth.adapter.memory;

import dev.whosthat.oauth.domain.port.PasswordHasher;
import dev.whosthat.oauth.domain.user.Password;
import dev.whosthat.oauth.domain.user.PasswordCheck;
import dev.whosthat.oauth.domain.user.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id (RFC 9106) from BouncyCastle, stored in the PHC string format
 * {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}. The work runs on the given executor, never on
 * the caller's thread, since a hash takes tens of milliseconds and much memory by design.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    /** The cost of one hash. */
    public record Cost(int memoryKib, int iterations, int parallelism) {

        /** OWASP Password Storage Cheat Sheet minimum for Argon2id: 19 MiB, 2 iterations, 1 lane. */
        public static final Cost OWASP_MINIMUM = new Cost(19_456, 2, 1);

        public Cost {
            if (parallelism < 1 || parallelism > 16) {
                throw new IllegalArgumentException("argon2 parallelism must be 1 to 16");
            }
            if (iterations < 1 || iterations > 100) {
                throw new IllegalArgumentException("argon2 iterations must be 1 to 100");
            }
            if (memoryKib < 8 * parallelism || memoryKib > 4 * 1024 * 1024) {
                throw new IllegalArgumentException("argon2 memory must be 8*parallelism KiB to 4 GiB");
            }
        }

        /** True if a hash made at this cost is weaker than one made at {@code current}. */
        public boolean weakerThan(Cost current) {
            return memoryKib < current.memoryKib || iterations < current.iterations || parallelism < current.parallelism;
        }

        String phc() {
            return "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism;
        }
    }

    private final Cost cost;
    private final Executor executor;
    private final SecureRandom random = new SecureRandom();
    private final PasswordHash decoy;

    public Argon2idPasswordHasher(Cost cost, Executor executor) {
        this.cost = Objects.requireNonNull(cost, "cost");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.decoy = decoyAt(cost);
    }

    public Cost cost() {
        return cost;
    }

    /** The cost a hash was made at, or empty when it is no Argon2id PHC string that this hasher can verify. */
    public static Optional<Cost> costOf(PasswordHash hash) {
        return Parsed.from(hash.encoded()).map(Parsed::cost);
    }

    @Override
    public CompletionStage<PasswordHash> hash(Password password) {
        return CompletableFuture.supplyAsync(() -> hashNow(password), executor);
    }

    @Override
    public CompletionStage<PasswordCheck> verify(Password password, PasswordHash stored) {
        return CompletableFuture.supplyAsync(() -> verifyNow(password, stored), executor);
    }

    @Override
    public PasswordHash decoy() {
        return decoy;
    }

    /**
     * A well-formed hash at the current cost whose output bytes are random: verifying any password
     * against it does the full work and fails, and making it costs nothing at start-up.
     */
    private PasswordHash decoyAt(Cost cost) {
        byte[] output = new byte[HASH_BYTES];
        random.nextBytes(output);
        return new PasswordHash("$argon2id$v=19$" + cost.phc() + "$" + B64.encodeToString(salt()) + "$" + B64.encodeToString(output));
    }

    private PasswordHash hashNow(Password password) {
        byte[] salt = salt();
        byte[] hash = derive(password, salt, cost);
        return new PasswordHash("$argon2id$v=19$" + cost.phc() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash));
    }

    private PasswordCheck verifyNow(Password password, PasswordHash stored) {
        Optional<Parsed> parsed = Parsed.from(stored.encoded());
        if (parsed.isEmpty()) {
            return PasswordCheck.MISMATCH;
        }
        Parsed p = parsed.get();
        byte[] actual = derive(password, p.salt(), p.cost(), p.hash().length);
        if (!MessageDigest.isEqual(actual, p.hash())) {
            return PasswordCheck.MISMATCH;
        }
        return p.cost().weakerThan(cost) ? PasswordCheck.MATCH_NEEDS_REHASH : PasswordCheck.MATCH;
    }

    private byte[] salt() {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return salt;
    }

    private static byte[] derive(Password password, byte[] salt, Cost cost) {
        return derive(password, salt, cost, HASH_BYTES);
    }

    private static byte[] derive(Password password, byte[] salt, Cost cost, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.value().getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /** A stored PHC string taken apart; anything we did not write is not ours to verify. */
    private record Parsed(Cost cost, byte[] salt, byte[] hash) {

        static Optional<Parsed> from(String encoded) {
            String[] parts = encoded.split("\\$", -1);
            // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
            if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
                return Optional.empty();
            }
            try {
                Cost cost = parseCost(parts[3]);
                byte[] salt = B64_DECODER.decode(parts[4]);
                byte[] hash = B64_DECODER.decode(parts[5]);
                if (salt.length < 8 || hash.length < 16 || hash.length > 64) {
                    return Optional.empty();
                }
                return Optional.of(new Parsed(cost, salt, hash));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        }

        private static Cost parseCost(String phc) {
            int m = -1;
            int t = -1;
            int p = -1;
            for (String pair : phc.split(",")) {
                String[] kv = pair.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("malformed argon2 parameters");
                }
                int value = Integer.parseInt(kv[1]);
                switch (kv[0]) {
                    case "m" -> m = value;
                    case "t" -> t = value;
                    case "p" -> p = value;
                    default -> throw new IllegalArgumentException("unknown argon2 parameter");
                }
            }
            return new Cost(m, t, p);
        }
    }
}

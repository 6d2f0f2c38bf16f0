package dev.whosthat.oauth.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The SHA-256 digest of a high-entropy secret (token, code, generated client secret). Only the
 * digest is stored; lookups go by digest, comparisons of presented secrets are constant-time.
 */
public final class SecretDigest {

    private static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;
    private final int hash;

    private SecretDigest(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes");
        }
        this.bytes = bytes;
        // The digest is already uniformly distributed: its first bytes are a perfect hash code.
        this.hash = (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    public static SecretDigest of(String secret) {
        return new SecretDigest(Sha256.of(secret.getBytes(StandardCharsets.UTF_8)));
    }

    public static SecretDigest fromBytes(byte[] bytes) {
        return new SecretDigest(bytes.clone());
    }

    public static SecretDigest fromHex(String hex) {
        return new SecretDigest(HEX.parseHex(hex));
    }

    /** Constant-time check of a presented secret against this digest. */
    public boolean matches(String presented) {
        return MessageDigest.isEqual(bytes, of(presented).bytes);
    }

    /**
     * Builds a digest from its four big-endian 64-bit words: stores that keep digests in primitive
     * arrays (no object per stored token) rebuild it with this.
     */
    public static SecretDigest fromWords(long w0, long w1, long w2, long w3) {
        byte[] bytes = new byte[LENGTH];
        long[] words = {w0, w1, w2, w3};
        for (int i = 0; i < LENGTH; i++) {
            bytes[i] = (byte) (words[i >>> 3] >>> (56 - 8 * (i & 7)));
        }
        return new SecretDigest(bytes);
    }

    /** Big-endian 64-bit word {@code index} (0 to 3) of the digest; the inverse of {@link #fromWords}. */
    public long word(int index) {
        Objects.checkIndex(index, LENGTH / Long.BYTES);
        long word = 0;
        for (int i = index * Long.BYTES; i < (index + 1) * Long.BYTES; i++) {
            word = word << 8 | (bytes[i] & 0xffL);
        }
        return word;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HEX.formatHex(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretDigest that && MessageDigest.isEqual(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** A digest is not secret, but printing it helps nobody; the prefix is enough to correlate logs. */
    @Override
    public String toString() {
        return "SecretDigest[" + hex().substring(0, 8) + "...]";
    }
}

package dev.whosthat.oauth.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

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

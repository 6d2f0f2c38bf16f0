package dev.whosthat.oauth.domain.token;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256, the one digest of the domain (token digests, PKCE S256). Every token request computes a
 * few; a {@link MessageDigest} per thread spares the provider lookup of {@code getInstance} each time.
 */
public final class Sha256 {

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    });

    private Sha256() {
    }

    public static byte[] of(byte[] input) {
        // digest() resets the instance, so it is ready for the next call on this thread.
        return DIGEST.get().digest(input);
    }
}

package dev.whosthat.oauth.adapter.memory;

import java.util.Base64;

/**
 * Packs the grant ids that {@link SecureRandomTokenGenerator} makes (128 random bits, written as 22
 * base64url characters without padding) into two longs, and back. Any other id is not packable and
 * is kept as an object.
 */
final class GrantKeys {

    private static final int LENGTH = 22;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final byte[] VALUES = new byte[128];
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    static {
        java.util.Arrays.fill(VALUES, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            VALUES[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private GrantKeys() {
    }

    /**
     * Whether the id is exactly 128 bits in canonical base64url: the last character carries 2 bits,
     * and its 4 unused bits must be zero, or two ids would pack to the same key.
     */
    static boolean isPackable(String id) {
        return pack(id) != null;
    }

    /** The id's 128 bits as {high, low}, or null if it is not {@link #isPackable packable}; one pass over it. */
    static long[] pack(String id) {
        if (id.length() != LENGTH) {
            return null;
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < LENGTH; i++) {
            int value = valueOf(id.charAt(i));
            boolean last = i == LENGTH - 1;
            if (value < 0 || last && (value & 0xf) != 0) {
                return null;
            }
            int shift = last ? 2 : 6;
            high = high << shift | low >>> (Long.SIZE - shift);
            low = low << shift | (last ? value >>> 4 : value);
        }
        return new long[] {high, low};
    }

    static String unpack(long high, long low) {
        byte[] bytes = new byte[16];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (high >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
        }
        return ENCODER.encodeToString(bytes);
    }

    private static int valueOf(char c) {
        return c < VALUES.length ? VALUES[c] : -1;
    }
}

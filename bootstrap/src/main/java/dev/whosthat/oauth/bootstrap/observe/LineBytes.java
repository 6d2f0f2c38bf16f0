package dev.whosthat.oauth.bootstrap.observe;

import java.util.Arrays;

/**
 * A text log line written straight as UTF-8 into an array that grows as needed. The text encoder
 * built its lines in a {@code StringBuilder} and then copied them char by char into bytes: one
 * copy too many, on the event loop, once or twice per request.
 */
final class LineBytes {

    private byte[] bytes;
    private int length;

    LineBytes(int capacity) {
        bytes = new byte[capacity];
    }

    /** An ASCII character: the line's own punctuation and digits, never a value's. */
    LineBytes append(char c) {
        if (c >= 0x80) {
            throw new IllegalArgumentException("not ASCII: use append(String) for text");
        }
        reserve(1);
        bytes[length++] = (byte) c;
        return this;
    }

    LineBytes append(String text) {
        return append(text, 0, text.length());
    }

    /**
     * The chars from {@code from} to {@code to}, as UTF-8; a lone surrogate, which no encoding can
     * carry, becomes {@code ?} as in {@link String#getBytes}.
     */
    LineBytes append(String text, int from, int to) {
        // Three bytes per char at most: a surrogate pair's four bytes stand for two chars.
        reserve(3 * (to - from));
        byte[] out = bytes;
        int at = length;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xc0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                out[at++] = (byte) (0xf0 | codePoint >> 18);
                out[at++] = (byte) (0x80 | codePoint >> 12 & 0x3f);
                out[at++] = (byte) (0x80 | codePoint >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | codePoint & 0x3f);
            } else if (Character.isSurrogate(c)) {
                out[at++] = '?';
            } else {
                out[at++] = (byte) (0xe0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                out[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        length = at;
        return this;
    }

    /** In decimal, without a string in between. */
    LineBytes append(long number) {
        if (number == Long.MIN_VALUE) {
            // The one long whose negation is itself.
            return append(Long.toString(number));
        }
        reserve(20);
        if (number < 0) {
            bytes[length++] = '-';
            number = -number;
        }
        int digits = 1;
        for (long rest = number; rest >= 10; rest /= 10) {
            digits++;
        }
        for (int at = length + digits - 1; at >= length; at--) {
            bytes[at] = (byte) ('0' + number % 10);
            number /= 10;
        }
        length += digits;
        return this;
    }

    int length() {
        return length;
    }

    /** The array the line is in, from 0 to {@link #length()}: valid until the next append. */
    byte[] array() {
        return bytes;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, length);
    }

    void clear() {
        length = 0;
    }

    private void reserve(int more) {
        if (bytes.length - length < more) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
        }
    }
}

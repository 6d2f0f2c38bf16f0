package dev.whosthat.oauth.adapter.http.support;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Writes one flat JSON object (RFC 8259) of strings, integers and booleans, member by member, into
 * an array that becomes the answer's buffer. It is for the answers of the hot paths (token,
 * introspection, {@code /api/me}): Jackson's generator, made and closed for each of them, was a
 * tenth of the work of an introspection request of ours, most of it in setting itself up.
 *
 * <p>A string is written as it is when it is printable ASCII other than {@code "} and {@code \};
 * those two are escaped with a backslash, control characters and every character past ASCII as
 * {@code \}{@code uXXXX} (a pair of escapes for a character outside the basic plane, as RFC 8259
 * §7 writes it). The output is ASCII throughout, so no value, however odd, can end a string early
 * or make the body invalid UTF-8.
 */
public final class JsonObjectWriter {

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    /** {@code \}{@code uXXXX}: the longest a character of a value can become. */
    private static final int MAX_BYTES_PER_CHAR = 6;

    /** Past this, a thread's scratch array is not kept: one huge answer should not hold memory for good. */
    private static final int KEPT_BYTES = 4096;
    /**
     * Each thread's array to write into: only the finished answer is copied out, at its size, so
     * that an answer allocates its own bytes and nothing else (every kilobyte allocated per request
     * cost about 0.15 µs in memory traffic, see the README's Performance section).
     */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[512]);

    private byte[] bytes;
    private int length;

    private JsonObjectWriter(byte[] bytes) {
        this.bytes = bytes;
        this.bytes[length++] = '{';
    }

    /** A writer on this thread's scratch array: write the members, then {@link #finish()} it before the next. */
    static JsonObjectWriter onThisThread() {
        return new JsonObjectWriter(SCRATCH.get());
    }

    /** A null value is written as JSON's {@code null}, as Jackson's generator wrote it. */
    public JsonObjectWriter string(String name, String value) {
        name(name);
        if (value == null) {
            ascii("null");
        } else {
            quoted(value);
        }
        return this;
    }

    /** The member if the value is present: an absent one is left out, never written as null. */
    public JsonObjectWriter optional(String name, Optional<String> value) {
        return value.isPresent() ? string(name, value.get()) : this;
    }

    public JsonObjectWriter number(String name, long value) {
        name(name);
        // Long.toString's characters are all ASCII digits and at most one minus sign.
        ascii(Long.toString(value));
        return this;
    }

    public JsonObjectWriter bool(String name, boolean value) {
        name(name);
        ascii(value ? "true" : "false");
        return this;
    }

    /** Closes the object; the writer is done with after this. */
    Buffer finish() {
        reserve(1);
        bytes[length++] = '}';
        if (bytes.length <= KEPT_BYTES) {
            SCRATCH.set(bytes);
        }
        return Buffer.buffer(length).appendBytes(bytes, 0, length);
    }

    private void name(String name) {
        reserve(1);
        if (length > 1) {
            bytes[length++] = ',';
        }
        quoted(name);
        reserve(1);
        bytes[length++] = ':';
    }

    private void quoted(String value) {
        int chars = value.length();
        reserve(chars * MAX_BYTES_PER_CHAR + 2);
        byte[] out = bytes;
        int at = length;
        out[at++] = '"';
        for (int i = 0; i < chars; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                out[at++] = (byte) c;
            } else if (c == '"' || c == '\\') {
                out[at++] = '\\';
                out[at++] = (byte) c;
            } else {
                out[at++] = '\\';
                out[at++] = 'u';
                out[at++] = HEX[(c >> 12) & 0xf];
                out[at++] = HEX[(c >> 8) & 0xf];
                out[at++] = HEX[(c >> 4) & 0xf];
                out[at++] = HEX[c & 0xf];
            }
        }
        out[at++] = '"';
        length = at;
    }

    private void ascii(String text) {
        int chars = text.length();
        reserve(chars);
        for (int i = 0; i < chars; i++) {
            bytes[length++] = (byte) text.charAt(i);
        }
    }

    private void reserve(int more) {
        if (bytes.length - length < more) {
            // The scratch array stays as it was: finish() keeps the grown one if it is not too large.
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
        }
    }
}

package dev.whosthat.oauth.domain.client;

import dev.whosthat.oauth.domain.text.Ascii;

/** RFC 6749 §2.2: a unique string, printable ASCII (VSCHAR, Appendix A.1). */
public record ClientId(String value) {

    public static final int MAX_LENGTH = 255;

    public ClientId {
        if (!isValid(value)) {
            throw new IllegalArgumentException("client_id must be 1 to " + MAX_LENGTH + " printable ASCII characters");
        }
    }

    /** VSCHAR = %x20-7E, and not empty; we also bound the length so that storage and logs stay sane. */
    public static boolean isValid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return false;
        }
        return Ascii.allWithin(value, ' ', '~');
    }

    @Override
    public String toString() {
        return value;
    }
}

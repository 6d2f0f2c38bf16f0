package dev.whosthat.oauth.domain.token;

/**
 * Identifies one grant: every token issued from one authorization (a password or code grant, a
 * client credentials request) and every token rotated from them. Revoking a grant revokes all of
 * them (RFC 6749 §4.1.2, RFC 7009 §2.1, RFC 9700 §4.14.2).
 */
public record GrantId(String value) {

    public GrantId {
        if (value == null || value.isEmpty() || value.length() > 64) {
            throw new IllegalArgumentException("grant id must be 1 to 64 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

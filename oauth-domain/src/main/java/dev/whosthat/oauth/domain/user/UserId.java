package dev.whosthat.oauth.domain.user;

/** The stable subject identifier of a resource owner ({@code sub} in RFC 7662), unlike the username. */
public record UserId(String value) {

    public UserId {
        if (value == null || value.isEmpty() || value.length() > 255) {
            throw new IllegalArgumentException("user id must be 1 to 255 characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

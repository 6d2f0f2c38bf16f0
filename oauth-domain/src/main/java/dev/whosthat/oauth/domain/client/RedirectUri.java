package dev.whosthat.oauth.domain.client;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A registered redirection endpoint (RFC 6749 §3.1.2): an absolute URI without a fragment. It is
 * compared as a plain string (RFC 9700 §4.1.3: exact matching), never normalised.
 */
public record RedirectUri(String value) {

    public RedirectUri {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("redirect URI must not be empty");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("redirect URI is not a valid URI: " + value);
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new IllegalArgumentException("redirect URI must be absolute: " + value);
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("redirect URI must not have a fragment: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

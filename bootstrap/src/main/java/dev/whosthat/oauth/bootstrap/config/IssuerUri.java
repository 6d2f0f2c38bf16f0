package dev.whosthat.oauth.bootstrap.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * RFC 8414 §2: the issuer identifier is a URL with the https scheme and no query or fragment. Plain
 * http is accepted for a loopback host only (the traffic never leaves the machine), so that a first
 * run on a laptop needs no certificate.
 */
final class IssuerUri {

    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private IssuerUri() {
    }

    /**
     * The issuer without trailing slashes, since clients compare it as a string with the
     * {@code iss} values they receive (RFC 8414 §3.3, RFC 9207).
     *
     * @throws IllegalArgumentException saying what is wrong, as a predicate ("must use https ...")
     */
    static String normalise(String issuer) {
        URI uri;
        try {
            uri = new URI(issuer);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            throw new IllegalArgumentException("must be an absolute https URL with a host, such as https://auth.example.com");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && isLoopback(uri.getHost()))) {
            throw new IllegalArgumentException("must use https (http is allowed only for localhost, 127.x.x.x or [::1])");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("must not contain user information");
        }
        if (uri.getRawQuery() != null) {
            throw new IllegalArgumentException("must not have a query (RFC 8414 §2)");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must not have a fragment (RFC 8414 §2)");
        }
        String normalised = issuer;
        while (normalised.endsWith("/")) {
            normalised = normalised.substring(0, normalised.length() - 1);
        }
        return normalised;
    }

    /** The names that resolve to this machine without asking a resolver. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.equals("[::1]") || h.equals("[0:0:0:0:0:0:0:1]")) {
            return true;
        }
        var ipv4 = IPV4_LOOPBACK.matcher(h);
        if (!ipv4.matches()) {
            return false;
        }
        for (int group = 1; group <= 3; group++) {
            if (Integer.parseInt(ipv4.group(group)) > 255) {
                return false;
            }
        }
        return true;
    }
}

package dev.whosthat.oauth.adapter.http.authorize;

import dev.whosthat.oauth.adapter.http.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code Set-Cookie} header (RFC 6265 §4.1), parsed by hand because {@link java.net.HttpCookie}
 * drops {@code SameSite}. Attribute names are lower-cased; a flag attribute maps to "".
 */
record SetCookie(String name, String value, Map<String, String> attributes) {

    static SetCookie parse(String header) {
        String[] parts = header.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            throw new AssertionError("not a cookie: " + header);
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                continue;
            }
            int aeq = part.indexOf('=');
            String name = (aeq < 0 ? part : part.substring(0, aeq)).trim().toLowerCase(Locale.ROOT);
            attributes.put(name, aeq < 0 ? "" : part.substring(aeq + 1).trim());
        }
        return new SetCookie(parts[0].substring(0, eq).trim(), parts[0].substring(eq + 1).trim(), attributes);
    }

    /** Every cookie the response sets. */
    static List<SetCookie> all(Reply reply) {
        return reply.headers().allValues("Set-Cookie").stream().map(SetCookie::parse).toList();
    }

    /** The cookie of that name that the response sets, if any. */
    static Optional<SetCookie> named(Reply reply, String name) {
        return all(reply).stream().filter(cookie -> cookie.name().equals(name)).findFirst();
    }

    boolean has(String attribute) {
        return attributes.containsKey(attribute.toLowerCase(Locale.ROOT));
    }

    Optional<String> attribute(String attribute) {
        return Optional.ofNullable(attributes.get(attribute.toLowerCase(Locale.ROOT)));
    }
}

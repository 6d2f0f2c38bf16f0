package dev.whosthat.oauth.adapter.http.support;

import dev.whosthat.oauth.domain.error.OAuthErrorCode;
import dev.whosthat.oauth.domain.error.Outcome;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * A strictly parsed {@code application/x-www-form-urlencoded} body (RFC 6749 Appendix B). Stricter
 * than a general-purpose decoder on purpose: malformed percent-encoding and invalid UTF-8 are
 * rejected rather than repaired, and a repeated parameter is an error (RFC 6749 §3.1).
 */
public final class Form {

    public static final Form EMPTY = new Form(Map.of());

    private final Map<String, String> values;

    private Form(Map<String, String> values) {
        this.values = values;
    }

    /**
     * RFC 6749 §3.1: "Parameters sent without a value MUST be treated as if they were omitted", so
     * an empty value is absent here.
     */
    public Optional<String> get(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    public boolean has(String name) {
        return get(name).isPresent();
    }

    /** Parses a body read byte for byte as ISO-8859-1; percent-escapes and raw bytes are then decoded as UTF-8. */
    public static Outcome<Form> parse(String body) {
        // Straight into the map that is kept: every token request parses a form.
        Map<String, String> values = new HashMap<>(8);
        String[] repeated = {null};
        boolean wellFormed = forEachPair(body, (name, value) -> {
            if (values.putIfAbsent(name, value) != null && repeated[0] == null) {
                repeated[0] = name;
            }
        });
        if (!wellFormed) {
            return invalid("request body is not valid form encoding");
        }
        if (repeated[0] != null) {
            return invalid("parameter " + printable(repeated[0]) + " is repeated");
        }
        return Outcome.ok(new Form(values));
    }

    /**
     * Every parameter with every value it was given, for requests where a repeat is answered
     * elsewhere (the authorization endpoint redirects it as an error); empty if malformed.
     */
    public static Optional<Map<String, List<String>>> parseAll(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        boolean wellFormed = forEachPair(encoded,
                (name, value) -> values.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value));
        return wellFormed ? Optional.of(values) : Optional.empty();
    }

    /** Decodes each {@code name=value} pair in order; false, part-way, at the first malformed one. */
    private static boolean forEachPair(String encoded, BiConsumer<String, String> pairs) {
        int start = 0;
        while (start <= encoded.length()) {
            int end = encoded.indexOf('&', start);
            if (end < 0) {
                end = encoded.length();
            }
            if (end > start) {
                int eq = encoded.indexOf('=', start);
                boolean hasValue = eq >= 0 && eq < end;
                Optional<String> name = decode(encoded.substring(start, hasValue ? eq : end));
                Optional<String> value = decode(hasValue ? encoded.substring(eq + 1, end) : "");
                if (name.isEmpty() || value.isEmpty()) {
                    return false;
                }
                pairs.accept(name.get(), value.get());
            }
            start = end + 1;
        }
        return true;
    }

    /** Nothing to decode: ASCII without '+' or '%' (a loop: this runs for every field of every form). */
    private static boolean isPlain(String encoded) {
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c >= 0x80 || c == '%' || c == '+') {
                return false;
            }
        }
        return true;
    }

    /** Decodes '+' and %XX; empty on a malformed escape or bytes that are not UTF-8. */
    static Optional<String> decode(String encoded) {
        if (isPlain(encoded)) {
            return Optional.of(encoded);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return Optional.empty();
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return Optional.empty();
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else if (c <= 0xFF) {
                // The body was read as ISO-8859-1, so each char is one raw byte; UTF-8 is checked below.
                bytes.write(c);
            } else {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Parameter names go into error descriptions, which must stay within the §5.2 charset. */
    private static String printable(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) : name;
        return shown.chars().allMatch(c -> c >= 0x20 && c <= 0x7E && c != '"' && c != '\\') ? shown : "(unprintable)";
    }

    private static Outcome<Form> invalid(String description) {
        return Outcome.rejected(OAuthErrorCode.INVALID_REQUEST, description);
    }
}

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
        Optional<Map<String, List<String>>> all = parseAll(body);
        if (all.isEmpty()) {
            return invalid("request body is not valid form encoding");
        }
        Map<String, String> values = new HashMap<>();
        for (Map.Entry<String, List<String>> parameter : all.get().entrySet()) {
            if (parameter.getValue().size() > 1) {
                return invalid("parameter " + printable(parameter.getKey()) + " is repeated");
            }
            values.put(parameter.getKey(), parameter.getValue().get(0));
        }
        return Outcome.ok(new Form(values));
    }

    /**
     * Every parameter with every value it was given, for requests where a repeat is answered
     * elsewhere (the authorization endpoint redirects it as an error); empty if malformed.
     */
    public static Optional<Map<String, List<String>>> parseAll(String encoded) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            Optional<String> name = decode(eq < 0 ? pair : pair.substring(0, eq));
            Optional<String> value = decode(eq < 0 ? "" : pair.substring(eq + 1));
            if (name.isEmpty() || value.isEmpty()) {
                return Optional.empty();
            }
            values.computeIfAbsent(name.get(), n -> new ArrayList<>(1)).add(value.get());
        }
        return Optional.of(values);
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

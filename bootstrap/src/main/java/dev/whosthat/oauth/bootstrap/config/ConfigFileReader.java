package dev.whosthat.oauth.bootstrap.config;

import static dev.whosthat.oauth.bootstrap.config.ConfigException.quote;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the config file into a {@link ConfigFile}, strictly: unknown keys, duplicate keys, trailing
 * content and values of the wrong type (no {@code "9000"} for a number, no {@code 1} for a string)
 * are errors. Every Jackson failure becomes one line with the key's path and the line and column.
 */
final class ConfigFileReader {

    private static final ObjectReader READER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // A config file is written by hand: a quoted number or a bare number for a string is
            // more likely a mistake than an intent, so say so instead of guessing.
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            // null inside an array (["password", null]) is an error; null for a key means "not set".
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .build()
            .readerFor(ConfigFile.class);

    private static final Pattern SOURCE = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
    private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'$");
    private static final Pattern QUOTED_TYPE = Pattern.compile("`[^`]*`");

    private ConfigFileReader() {
    }

    static ConfigFile read(Path file) {
        byte[] content = readBytes(file);
        if (new String(content, StandardCharsets.ISO_8859_1).isBlank()) {
            throw new ConfigException("file " + file + " is empty (write {} for all defaults)");
        }
        ConfigFile parsed;
        try {
            parsed = READER.readValue(content);
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(e));
        } catch (IOException e) {
            throw new ConfigException("file " + file + " cannot be read: " + reason(e));
        }
        if (parsed == null) {
            throw new ConfigException("file " + file + " must hold a JSON object, not null");
        }
        return parsed;
    }

    private static byte[] readBytes(Path file) {
        if (Files.isDirectory(file)) {
            throw new ConfigException(file + " is a directory, not a config file");
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException("file " + file + " does not exist");
        } catch (AccessDeniedException e) {
            throw new ConfigException("file " + file + " cannot be read: permission denied");
        } catch (IOException e) {
            throw new ConfigException("file " + file + " cannot be read: " + reason(e));
        }
    }

    private static String reason(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "input/output error" : e.getMessage();
    }

    /** One line for a Jackson failure: what is wrong, at which key, and where in the file. */
    static String describe(JsonProcessingException e) {
        String where = at(e.getLocation());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown key " + quote(path(unknown.getPath())) + where + known(unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidNullException nulled) {
            return quote(path(nulled.getPath())) + " must not be null" + where;
        }
        if (e instanceof MismatchedInputException mismatch) {
            String path = path(mismatch.getPath());
            if (path.isEmpty()) {
                return (String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")
                        ? "unexpected content after the JSON object"
                        : "the file must hold one JSON object") + where;
            }
            return quote(path) + " must be " + expected(mismatch.getTargetType()) + where;
        }
        // A read failure of the parser itself, maybe wrapped by databind with the key's path.
        JsonProcessingException cause = e instanceof JsonMappingException && e.getCause() instanceof StreamReadException read
                ? read : e;
        where = at(cause.getLocation() != null ? cause.getLocation() : e.getLocation());
        String key = cause.getProcessor() instanceof JsonParser parser ? path(parser.getParsingContext())
                : e instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        if (cause instanceof InputCoercionException) {
            return quote(key) + " is out of range" + where;
        }
        String message = String.valueOf(cause.getOriginalMessage());
        Matcher duplicate = DUPLICATE.matcher(message);
        if (duplicate.matches()) {
            return "duplicate key " + quote(key.isEmpty() ? duplicate.group(1) : key) + where;
        }
        return "malformed JSON: " + plain(message) + where;
    }

    /** The keys allowed where the unknown one was, to make a typo obvious. */
    private static String known(Collection<Object> keys) {
        if (keys == null || keys.isEmpty()) {
            return "";
        }
        return "; known keys there: " + keys.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** {@code clients[0].grant_types[1]}, from databind's reference chain. */
    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The same path, from the parser's position when databind has not seen the key yet. */
    private static String path(JsonStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.addFirst((c.getParent() != null && c.getParent().inRoot() ? "" : ".") + c.getCurrentName());
            }
        }
        return String.join("", parts);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    /** Jackson's parser message, without its source description and Java type names. */
    private static String plain(String message) {
        String firstLine = message.lines().findFirst().orElse("");
        String located = SOURCE.matcher(firstLine).replaceAll("line $1, column $2");
        return QUOTED_TYPE.matcher(located).replaceAll("value");
    }
}

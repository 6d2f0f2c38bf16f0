package dev.whosthat.oauth.adapter.http.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

/** The one JSON writer of the HTTP adapter: absent optionals are left out, never written as null. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /**
     * A body that writes its own members, in order: the answers of the hot paths (token,
     * introspection, {@code /api/me}) skip databind's per-call bean serialisation, a tenth of the
     * work of such a request. Every other body goes through databind.
     */
    public interface Members {

        void writeMembers(JsonGenerator json) throws IOException;
    }

    public static Buffer write(Object body) {
        if (body instanceof Members members) {
            return write(members);
        }
        try {
            return Buffer.buffer(MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body is not serialisable: " + body.getClass().getName(), e);
        }
    }

    private static Buffer write(Members body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.writeStartObject();
            body.writeMembers(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("response body is not serialisable: " + body.getClass().getName(), e);
        }
        return Buffer.buffer(out.toByteArray());
    }

    /** Writes the member if the value is present: absent optionals are left out, as databind leaves them here. */
    public static void optional(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }
}

package dev.whosthat.oauth.adapter.http.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/** The one JSON writer of the HTTP adapter: absent optionals are left out, never written as null. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    /** Enough for a token, introspection or {@code /api/me} answer (150 to 250 bytes); a longer one grows it. */
    private static final int MEMBERS_CAPACITY = 256;

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

    /**
     * Straight into the buffer that is sent: no intermediate array to copy from, which was half of
     * what such a response allocated (and allocation is memory traffic, on a path that runs for
     * every request).
     */
    private static Buffer write(Members body) {
        Buffer buffer = Buffer.buffer(MEMBERS_CAPACITY);
        try (JsonGenerator json = MAPPER.getFactory().createGenerator(new BufferOutput(buffer))) {
            json.writeStartObject();
            body.writeMembers(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("response body is not serialisable: " + body.getClass().getName(), e);
        }
        return buffer;
    }

    /** Appends to a Vert.x buffer; the generator hands it its output in one piece when it closes. */
    private static final class BufferOutput extends OutputStream {

        private final Buffer buffer;

        BufferOutput(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            buffer.appendBytes(bytes, offset, length);
        }
    }

    /** Writes the member if the value is present: absent optionals are left out, as databind leaves them here. */
    public static void optional(JsonGenerator json, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            json.writeStringField(name, value.get());
        }
    }
}

package dev.whosthat.oauth.adapter.http.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.vertx.core.buffer.Buffer;

/** How the HTTP adapter writes JSON answers: absent optionals are left out, never written as null. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .setSerializationInclusion(JsonInclude.Include.NON_ABSENT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /**
     * A body that writes its own members, in order, with {@link JsonObjectWriter}: the answers of the
     * hot paths (token, introspection, {@code /api/me}) skip both databind's per-call bean
     * serialisation and the setting up of a Jackson generator. Every other body goes through databind.
     */
    public interface Members {

        void writeMembers(JsonObjectWriter json);
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
        JsonObjectWriter json = JsonObjectWriter.onThisThread();
        body.writeMembers(json);
        return json.finish();
    }
}

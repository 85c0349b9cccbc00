package uk.attendance.pupil;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ReferenceCounted;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.body.JsonMessageHandler;
import jakarta.inject.Singleton;
import uk.attendance.contract.model.PupilContactUpdate;
import uk.attendance.contract.model.PupilUpdate;
import uk.attendance.platform.StrictJsonBodyReader;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the pupil and contact merge-patch bodies as every body is read ({@link StrictJsonBodyReader}: strict types, a
 * 400 naming the field), and notes which top-level fields were explicitly {@code null} ({@link ExplicitNulls}).
 */
@Singleton
@Order(JsonMessageHandler.ORDER - 2)
@JsonMessageHandler.ConsumesJson
final class ExplicitNullsReader<T> implements MessageBodyReader<T> {
    private static final Set<Class<?>> PATCHES = Set.of(PupilUpdate.class, PupilContactUpdate.class);
    private final JsonFactory factory = new JsonFactory();
    @SuppressWarnings("rawtypes")
    private final StrictJsonBodyReader strict;
    private final ExplicitNulls nulls;

    @SuppressWarnings("rawtypes")
    ExplicitNullsReader(StrictJsonBodyReader strict, ExplicitNulls nulls) {
        this.strict = strict;
        this.nulls = nulls;
    }

    @Override
    @SuppressWarnings("unchecked")
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return PATCHES.contains(type.getType()) && strict.isReadable(type, mediaType);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, ByteBuffer<?> byteBuffer) throws CodecException {
        byte[] bytes = byteBuffer.toByteArray();
        T read = read(type, mediaType, httpHeaders, bytes);
        if (byteBuffer instanceof ReferenceCounted rc) {
            rc.release();
        }
        return read;
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, InputStream inputStream) throws CodecException {
        try {
            return read(type, mediaType, httpHeaders, inputStream.readAllBytes());
        } catch (IOException e) {
            throw new CodecException("Error reading the request body: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private T read(Argument<T> type, MediaType mediaType, Headers headers, byte[] bytes) {
        T body = (T) strict.read(type, mediaType, headers, new ByteArrayInputStream(bytes));
        if (body != null) {
            nulls.note(body, nullFields(bytes));
        }
        return body;
    }

    /** The top-level fields whose value is null (the body already read as a valid object). */
    private Set<String> nullFields(byte[] bytes) {
        Set<String> found = new HashSet<>();
        try (JsonParser parser = factory.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return found;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    found.add(name);
                } else {
                    parser.skipChildren();
                }
            }
        } catch (IOException e) {
            // the strict read accepted it; nothing more to learn
        }
        return found;
    }
}

package uk.attendance.platform;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.io.buffer.ByteBuffer;
import io.micronaut.core.io.buffer.ReferenceCounted;
import io.micronaut.core.type.Argument;
import io.micronaut.core.type.Headers;
import io.micronaut.http.MediaType;
import io.micronaut.http.body.MessageBodyReader;
import io.micronaut.http.codec.CodecException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.json.body.JsonMessageHandler;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import io.micronaut.serde.LimitingStream;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.serde.config.SerdeConfiguration;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import io.micronaut.serde.jackson.JacksonDecoder;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads JSON bodies into our own types (the contract's models) strictly: each value must have the type the
 * contract gives it ({@link StrictDecoder}), and a value that does not fit answers 400 naming the field by its
 * path in the document ({@code terms[0]}, {@code marks[3].code}), before anything is stored. Other types (maps,
 * strings, framework types) keep the framework's reader.
 */
@Singleton
@Order(JsonMessageHandler.ORDER - 1)
@JsonMessageHandler.ConsumesJson
public final class StrictJsonBodyReader<T> implements MessageBodyReader<T> {
    private static final String OWN_TYPES = "uk.attendance.";
    private static final Pattern QUOTED = Pattern.compile("Unexpected value '(.*)'", Pattern.DOTALL);
    private final JsonFactory factory = new JsonFactory();
    private final SerdeRegistry registry;
    private final SerdeConfiguration configuration;

    StrictJsonBodyReader(SerdeRegistry registry, SerdeConfiguration configuration) {
        this.registry = registry;
        this.configuration = configuration;
    }

    @Override
    public boolean isReadable(Argument<T> type, MediaType mediaType) {
        return mediaType != null && mediaType.matchesAllOrWildcardOrExtension(MediaType.EXTENSION_JSON)
                && ownType(type);
    }

    private static boolean ownType(Argument<?> type) {
        if (type.getType().getName().startsWith(OWN_TYPES)) {
            return true;
        }
        return Iterable.class.isAssignableFrom(type.getType()) && type.getFirstTypeVariable().map(StrictJsonBodyReader::ownType)
                .orElse(false);
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, ByteBuffer<?> byteBuffer) throws CodecException {
        T read = read(type, byteBuffer.toInputStream());
        // released only on success, as the framework's reader does: on failure the caller releases it
        if (byteBuffer instanceof ReferenceCounted rc) {
            rc.release();
        }
        return read;
    }

    @Override
    public T read(Argument<T> type, MediaType mediaType, Headers httpHeaders, InputStream inputStream) throws CodecException {
        return read(type, inputStream);
    }

    private T read(Argument<T> type, InputStream in) {
        Deserializer.DecoderContext context = registry.newDecoderContext(null);
        StrictDecoder.Position position = new StrictDecoder.Position();
        try (JsonParser parser = factory.createParser(in)) {
            Deserializer<? extends T> deserializer = context.findDeserializer(type).createSpecific(context, type);
            Decoder jackson = JacksonDecoder.create(parser, LimitingStream.limitsFromConfiguration(configuration));
            Decoder decoder = new StrictDecoder(jackson, position);
            return deserializer.deserializeNullable(decoder, context, type);
        } catch (JsonParseException e) {
            throw new CodecException("Error decoding JSON stream for type [" + type.getName() + "]: " + e.getMessage(),
                    new JsonSyntaxException(e));
        } catch (SerdeException e) {
            String field = position.toString();
            if (field.isEmpty()) {
                throw new CodecException("Error decoding JSON stream for type [" + type.getName() + "]: " + e.getMessage(), e);
            }
            throw ApiProblem.invalid(field, message(e));
        } catch (IOException e) {
            throw new CodecException("Error decoding JSON stream for type [" + type.getName() + "]: " + e.getMessage(), e);
        }
    }

    /** What was wrong, in words a client developer can act on, without class names. */
    private static String message(SerdeException e) {
        Optional<StrictDecoder.WrongType> wrong = wrongType(e);
        if (wrong.isPresent()) {
            return wrong.get().getMessage();
        }
        Class<?> target = e.getPath().isEmpty() ? null : leafType(e.getPath().get(0));
        if (target != null && target.isEnum()) {
            return rejectedValue(e).map(v -> "'" + v + "' ").orElse("") + "is not one of "
                    + Arrays.stream(target.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (target == java.time.LocalDate.class) {
            return "must be a date, YYYY-MM-DD";
        }
        return "has the wrong type or format";
    }

    /** The value a generated enum's {@code fromValue} refused ("Unexpected value 'HOLIDAY'"), shortened. */
    private static Optional<String> rejectedValue(Throwable e) {
        Throwable innermost = e;
        while (innermost.getCause() != null && innermost.getCause() != innermost) {
            innermost = innermost.getCause();
        }
        Matcher quoted = QUOTED.matcher(String.valueOf(innermost.getMessage()));
        if (!quoted.find()) {
            return Optional.empty();
        }
        String value = quoted.group(1);
        return Optional.of(value.length() > 40 ? value.substring(0, 40) + "…" : value);
    }

    private static Optional<StrictDecoder.WrongType> wrongType(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StrictDecoder.WrongType wrong) {
                return Optional.of(wrong);
            }
        }
        return Optional.empty();
    }

    private static Class<?> leafType(ReferencePath innermost) {
        if (innermost instanceof CollectionItemReferencePath item) {
            return item.collectionArgument().getFirstTypeVariable().map(Argument::getType).orElse(null);
        }
        return innermost.getArgument().getType();
    }
}

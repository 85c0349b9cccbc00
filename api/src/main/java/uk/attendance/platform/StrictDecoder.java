package uk.attendance.platform;

import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.exceptions.InvalidFormatException;
import io.micronaut.serde.exceptions.SerdeException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A JSON decoder that gives each value only the type it has in the document: no string read as a boolean or a
 * number ("yes" is not {@code false}, "12" is not 12), no number or boolean read as a string, no fraction
 * truncated to an integer, and no {@code null} inside a list. Anything else fails with a {@link WrongType} that
 * serde places at its property path ({@code terms[0].name}).
 */
final class StrictDecoder implements Decoder {
    private final Decoder delegate;
    private final boolean listItems;
    private final Position position;

    /** A decoder for a whole document; {@code position} follows it to the value being read. */
    StrictDecoder(Decoder delegate, Position position) {
        this(delegate, false, position);
    }

    private StrictDecoder(Decoder delegate, boolean listItems, Position position) {
        this.delegate = delegate;
        this.listItems = listItems;
        this.position = position;
    }

    /**
     * Where in the document the decoder is: the key of each enclosing object and the index in each enclosing list.
     * When reading fails it still points at the value that failed ({@code terms[0].name}), whichever deserializer
     * threw.
     */
    static final class Position {
        private final java.util.ArrayList<Object[]> steps = new java.util.ArrayList<>();

        void enter(boolean list) {
            steps.add(new Object[]{list ? (Object) (-1) : null});
        }

        void leave() {
            if (!steps.isEmpty()) {
                steps.remove(steps.size() - 1);
            }
        }

        void key(String key) {
            if (!steps.isEmpty()) {
                steps.get(steps.size() - 1)[0] = key;
            }
        }

        void nextItem() {
            if (!steps.isEmpty() && steps.get(steps.size() - 1)[0] instanceof Integer index) {
                steps.get(steps.size() - 1)[0] = index + 1;
            }
        }

        @Override
        public String toString() {
            StringBuilder field = new StringBuilder();
            for (Object[] step : steps) {
                if (step[0] instanceof Integer index) {
                    if (index >= 0) {
                        field.append('[').append(index).append(']');
                    }
                } else if (step[0] != null) {
                    field.append(field.isEmpty() ? "" : ".").append(step[0]);
                }
            }
            return field.toString();
        }
    }

    /** The value's type was not the one the contract gives the field. */
    static final class WrongType extends InvalidFormatException {
        WrongType(String message) {
            super(message, null, null);
        }
    }

    @Override
    public Decoder decodeArray(Argument<?> type) throws IOException {
        Decoder array;
        try {
            array = delegate.decodeArray(type);
        } catch (SerdeException e) {
            throw new WrongType("must be a list");
        }
        position.enter(true);
        return new StrictDecoder(array, true, position);
    }

    @Override
    public Decoder decodeArray() throws IOException {
        return decodeArray(Argument.OBJECT_ARGUMENT);
    }

    @Override
    public boolean hasNextArrayValue() throws IOException {
        boolean next = delegate.hasNextArrayValue();
        if (next) {
            position.nextItem();
        }
        return next;
    }

    @Override
    public Decoder decodeObject(Argument<?> type) throws IOException {
        Decoder object;
        try {
            object = delegate.decodeObject(type);
        } catch (SerdeException e) {
            throw new WrongType("must be an object");
        }
        position.enter(false);
        return new StrictDecoder(object, false, position);
    }

    @Override
    public Decoder decodeObject() throws IOException {
        return decodeObject(Argument.OBJECT_ARGUMENT);
    }

    @Override
    public String decodeKey() throws IOException {
        String key = delegate.decodeKey();
        position.key(key);
        return key;
    }

    /** Every nullable read of a list item comes here first: a list never holds null. */
    @Override
    public boolean decodeNull() throws IOException {
        boolean isNull = delegate.decodeNull();
        if (isNull && listItems) {
            throw new WrongType("must not be null");
        }
        return isNull;
    }

    @Override
    public String decodeString() throws IOException {
        Object value = delegate.decodeArbitrary();
        if (value instanceof String s) {
            return s;
        }
        throw wrongType("text", value);
    }

    @Override
    public String decodeStringNullable() throws IOException {
        return decodeNull() ? null : decodeString();
    }

    @Override
    public boolean decodeBoolean() throws IOException {
        Object value = delegate.decodeArbitrary();
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType("true or false", value);
    }

    @Override
    public Boolean decodeBooleanNullable() throws IOException {
        return decodeNull() ? null : decodeBoolean();
    }

    @Override
    public byte decodeByte() throws IOException {
        return (byte) integer(Byte.MIN_VALUE, Byte.MAX_VALUE);
    }

    @Override
    public Byte decodeByteNullable() throws IOException {
        return decodeNull() ? null : decodeByte();
    }

    @Override
    public short decodeShort() throws IOException {
        return (short) integer(Short.MIN_VALUE, Short.MAX_VALUE);
    }

    @Override
    public Short decodeShortNullable() throws IOException {
        return decodeNull() ? null : decodeShort();
    }

    @Override
    public char decodeChar() throws IOException {
        String s = decodeString();
        if (s.length() != 1) {
            throw new WrongType("must be a single character");
        }
        return s.charAt(0);
    }

    @Override
    public Character decodeCharNullable() throws IOException {
        return decodeNull() ? null : decodeChar();
    }

    @Override
    public int decodeInt() throws IOException {
        return (int) integer(Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public Integer decodeIntNullable() throws IOException {
        return decodeNull() ? null : decodeInt();
    }

    @Override
    public long decodeLong() throws IOException {
        return integer(Long.MIN_VALUE, Long.MAX_VALUE);
    }

    @Override
    public Long decodeLongNullable() throws IOException {
        return decodeNull() ? null : decodeLong();
    }

    @Override
    public float decodeFloat() throws IOException {
        return number().floatValue();
    }

    @Override
    public Float decodeFloatNullable() throws IOException {
        return decodeNull() ? null : decodeFloat();
    }

    @Override
    public double decodeDouble() throws IOException {
        return number().doubleValue();
    }

    @Override
    public Double decodeDoubleNullable() throws IOException {
        return decodeNull() ? null : decodeDouble();
    }

    @Override
    public BigInteger decodeBigInteger() throws IOException {
        Number n = number();
        BigDecimal exact = new BigDecimal(n.toString());
        if (exact.stripTrailingZeros().scale() > 0) {
            throw new WrongType("must be a whole number");
        }
        return exact.toBigIntegerExact();
    }

    @Override
    public BigInteger decodeBigIntegerNullable() throws IOException {
        return decodeNull() ? null : decodeBigInteger();
    }

    @Override
    public BigDecimal decodeBigDecimal() throws IOException {
        return new BigDecimal(number().toString());
    }

    @Override
    public BigDecimal decodeBigDecimalNullable() throws IOException {
        return decodeNull() ? null : decodeBigDecimal();
    }

    @Override
    public Number decodeNumber() throws IOException {
        return number();
    }

    @Override
    public Number decodeNumberNullable() throws IOException {
        return decodeNull() ? null : number();
    }

    @Override
    public byte[] decodeBinary() throws IOException {
        return delegate.decodeBinary();
    }

    @Override
    public byte[] decodeBinaryNullable() throws IOException {
        return decodeNull() ? null : delegate.decodeBinary();
    }

    @Override
    public Object decodeArbitrary() throws IOException {
        return delegate.decodeArbitrary();
    }

    @Override
    public JsonNode decodeNode() throws IOException {
        return delegate.decodeNode();
    }

    @Override
    public Decoder decodeBuffer() throws IOException {
        return new StrictDecoder(delegate.decodeBuffer(), false, new Position());
    }

    @Override
    public void skipValue() throws IOException {
        delegate.skipValue();
    }

    @Override
    public void finishStructure() throws IOException {
        delegate.finishStructure();
        position.leave();
    }

    @Override
    public void finishStructure(boolean consumeLeftElements) throws IOException {
        delegate.finishStructure(consumeLeftElements);
        position.leave();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }

    @Override
    public IOException createDeserializationException(String message, Object invalidValue) {
        return delegate.createDeserializationException(message, invalidValue);
    }

    private Number number() throws IOException {
        Object value = delegate.decodeArbitrary();
        if (value instanceof Number n) {
            return n;
        }
        throw wrongType("a number", value);
    }

    private long integer(long min, long max) throws IOException {
        Object value = delegate.decodeArbitrary();
        if (!(value instanceof Number n)) {
            throw wrongType("a whole number", value);
        }
        BigDecimal exact = new BigDecimal(n.toString());
        if (exact.stripTrailingZeros().scale() > 0) {
            throw new WrongType("must be a whole number, found " + exact.toPlainString());
        }
        if (exact.compareTo(BigDecimal.valueOf(min)) < 0 || exact.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new WrongType("is out of range");
        }
        return exact.longValueExact();
    }

    private static WrongType wrongType(String expected, Object found) {
        return new WrongType("must be " + expected + ", found " + describe(found));
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "text";
        }
        if (value instanceof Boolean) {
            return "true/false";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        return "another type";
    }
}

package org.hozon.dicom.json;

import java.math.BigDecimal;
import java.math.BigInteger;

import jakarta.json.JsonNumber;

/**
 * A JSON number given by its literal text, already checked to follow the JSON number grammar
 * (RFC 8259 §6). Writing it through a {@code JsonGenerator} emits the text unchanged (no
 * conversion through {@code double}), which keeps every digit of a Decimal String and avoids
 * parsing on the write path; the numeric views are computed only if someone asks.
 */
final class NumberLiteral implements JsonNumber {
    private final String text;

    NumberLiteral(String text) {
        this.text = text;
    }

    @Override
    public ValueType getValueType() {
        return ValueType.NUMBER;
    }

    @Override
    public boolean isIntegral() {
        return bigDecimalValue().scale() <= 0;
    }

    @Override
    public int intValue() {
        return bigDecimalValue().intValue();
    }

    @Override
    public int intValueExact() {
        return bigDecimalValue().intValueExact();
    }

    @Override
    public long longValue() {
        return bigDecimalValue().longValue();
    }

    @Override
    public long longValueExact() {
        return bigDecimalValue().longValueExact();
    }

    @Override
    public BigInteger bigIntegerValue() {
        return bigDecimalValue().toBigInteger();
    }

    @Override
    public BigInteger bigIntegerValueExact() {
        return bigDecimalValue().toBigIntegerExact();
    }

    @Override
    public double doubleValue() {
        return Double.parseDouble(text);
    }

    @Override
    public BigDecimal bigDecimalValue() {
        return new BigDecimal(text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonNumber && bigDecimalValue().equals(((JsonNumber) o).bigDecimalValue());
    }

    @Override
    public int hashCode() {
        return bigDecimalValue().hashCode();
    }

    /** The literal, exactly as it is written to JSON. */
    @Override
    public String toString() {
        return text;
    }
}

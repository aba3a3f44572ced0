package org.hozon.dicom.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Arrays;

import org.hozon.dicom.ByteOrder;
import org.hozon.dicom.VR;

/**
 * Turns the JSON numbers of a "Value" array into DICOM values: binary values of one VR collected
 * into a byte array ({@link #reset}, {@link #add}, {@link #bytes}), or IS / DS text.
 * Errors are {@link NumberFormatException} or {@link ArithmeticException} with a short message.
 */
final class NumberParser {
    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    /** Maximum length of one DS value (PS3.5 Table 6.2-1). */
    private static final int DS_MAX = 16;

    private VR vr;
    private boolean bigEndian;
    private byte[] buf = new byte[64];
    private int length;

    void reset(VR vr, boolean bigEndian) {
        this.vr = vr;
        this.bigEndian = bigEndian;
        this.length = 0;
    }

    /** Adds one value, given as JSON number text (or string: numbers, NaN, tags for AT). */
    void add(String text) {
        int n = vr.bytesPerValue();
        if (length + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, length + n));
        }
        switch (vr) {
            case AT:
                long tag = TagNames.parse(text);
                if (tag < 0) {
                    throw new NumberFormatException("is not eight hexadecimal digits");
                }
                ByteOrder.put16(buf, length, (int) (tag >>> 16), bigEndian);
                ByteOrder.put16(buf, length + 2, (int) tag, bigEndian);
                break;
            case US: ByteOrder.put16(buf, length, (int) integer(text, 0, 0xFFFF), bigEndian); break;
            case SS: ByteOrder.put16(buf, length, (int) integer(text, Short.MIN_VALUE, Short.MAX_VALUE), bigEndian); break;
            case UL: ByteOrder.put32(buf, length, (int) integer(text, 0, 0xFFFFFFFFL), bigEndian); break;
            case SL: ByteOrder.put32(buf, length, (int) integer(text, Integer.MIN_VALUE, Integer.MAX_VALUE), bigEndian); break;
            case SV: ByteOrder.put64(buf, length, integer(text, Long.MIN_VALUE, Long.MAX_VALUE), bigEndian); break;
            case UV: ByteOrder.put64(buf, length, unsigned64(text), bigEndian); break;
            case FL: ByteOrder.put32(buf, length, Float.floatToRawIntBits(Float.parseFloat(text)), bigEndian); break;
            case FD: ByteOrder.put64(buf, length, Double.doubleToRawLongBits(Double.parseDouble(text)), bigEndian); break;
            default: throw new IllegalStateException(vr.name());
        }
        length += n;
    }

    byte[] bytes() {
        return Arrays.copyOf(buf, length);
    }

    private static long integer(String text, long min, long max) {
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            BigInteger exact = exactInteger(new BigDecimal(text)); // 1E3 and 4.0 are accepted
            if (exact.bitLength() > 63) {
                throw new ArithmeticException("is out of range");
            }
            v = exact.longValue();
        }
        if (v < min || v > max) {
            throw new ArithmeticException("is out of range");
        }
        return v;
    }

    private static long unsigned64(String text) {
        BigInteger v = exactInteger(new BigDecimal(text));
        if (v.signum() < 0 || v.compareTo(TWO_64) >= 0) {
            throw new ArithmeticException("is out of range");
        }
        return v.longValue();
    }

    private static BigInteger exactInteger(BigDecimal v) {
        try {
            return v.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new ArithmeticException("is not an integer");
        }
    }

    /** IS text for a JSON number: integral values only ({@code 4.0} and {@code 1E2} are accepted). */
    String integerString(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (!(c >= '0' && c <= '9') && !(i == 0 && c == '-')) {
                return exactInteger(new BigDecimal(number)).toString();
            }
        }
        return number;
    }

    /** DS text for a JSON number: as written, or rounded to fit the 16 bytes DS allows. */
    String decimalString(String number) {
        if (number.length() <= DS_MAX) {
            return number;
        }
        BigDecimal v = new BigDecimal(number);
        for (int precision = DS_MAX; precision > 0; precision--) {
            String s = v.round(new MathContext(precision)).toString();
            if (s.length() <= DS_MAX) {
                return s;
            }
        }
        throw new ArithmeticException("does not fit in a DS");
    }
}

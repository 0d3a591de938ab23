package io.indobase.realtime.query;

import jakarta.json.JsonNumber;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The string side of PHP 8's comparison: numeric strings ({@code is_numeric_string}, leading and trailing
 * whitespace allowed) compare as numbers, anything else byte by byte ({@code zend_binary_strcmp}; comparing UTF-8
 * bytes orders like comparing code points).
 */
final class PhpStrings {

    private static final MathContext PHP_PRECISION = new MathContext(14);

    private PhpStrings() {
    }

    /** {@code zendi_smart_strcmp}: numerically when both are numeric strings, else byte-wise. */
    static int smartCompare(String a, String b) {
        Number na = numeric(a);
        Number nb = na == null ? null : numeric(b);
        if (na == null || nb == null) {
            return binaryCompare(a, b);
        }
        if (na instanceof Long la && nb instanceof Long lb) {
            return Long.compare(la, lb);
        }
        double da = na.doubleValue();
        double db = nb.doubleValue();
        return da == db ? 0 : Php.sign(da - db);
    }

    /** PHP 8's number against string: numerically if the string is numeric, else the number's text byte-wise. */
    static int compareNumberToString(JsonNumber number, boolean isInt, String string) {
        Number n = numeric(string);
        if (isInt) {
            long value = number.longValue();
            if (n instanceof Long l) {
                return Long.compare(value, l);
            }
            if (n != null) {
                return Php.sign((double) value - n.doubleValue());
            }
            return binaryCompare(Long.toString(value), string);
        }
        double value = number.doubleValue();
        if (n != null) {
            double other = n.doubleValue();
            return value == other ? 0 : Php.sign(value - other);
        }
        return binaryCompare(precisionG(value), string);
    }

    /** {@code zend_binary_strcmp} on the UTF-8 bytes, normalised to -1, 0, 1. */
    static int binaryCompare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return ca < cb ? -1 : 1;
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        boolean aLeft = i < a.length();
        boolean bLeft = j < b.length();
        return aLeft == bLeft ? 0 : aLeft ? 1 : -1;
    }

    /**
     * PHP's {@code is_numeric_string} without errors allowed: optional whitespace, sign, digits with an optional
     * fraction (or a fraction alone), an optional exponent, optional trailing whitespace.
     *
     * @return a Long for an integer that fits 64 bits, a Double for any other number, null when not numeric
     */
    static Number numeric(String s) {
        int end = s.length();
        int i = 0;
        while (i < end && isSpace(s.charAt(i))) {
            i++;
        }
        while (end > i && isSpace(s.charAt(end - 1))) {
            end--;
        }
        int start = i;
        if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < end && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        boolean integer = true;
        if (i < end && s.charAt(i) == '.') {
            integer = false;
            i++;
            while (i < end && isDigit(s.charAt(i))) {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < end && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int mark = i++;
            if (i < end && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < end && isDigit(s.charAt(i))) {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                i = mark; // "1e" is not numeric: the 'e' is trailing garbage
            } else {
                integer = false;
            }
        }
        if (i != end) {
            return null;
        }
        String literal = s.substring(start, end);
        if (integer) {
            try {
                return Long.parseLong(literal.startsWith("+") ? literal.substring(1) : literal);
            } catch (NumberFormatException e) {
                // an integer beyond 64 bits is a float, as in PHP
            }
        }
        return Double.parseDouble(literal);
    }

    /** C's {@code %.14G}, which PHP uses to compare a float with a non-numeric string. */
    static String precisionG(double value) {
        if (value == 0) {
            return "0";
        }
        if (Double.isNaN(value)) {
            return "NAN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "INF" : "-INF";
        }
        BigDecimal rounded = new BigDecimal(value).round(PHP_PRECISION);
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal stripped = rounded.stripTrailingZeros();
        if (exponent < -4 || exponent >= PHP_PRECISION.getPrecision()) {
            String mantissa = stripped.movePointLeft(exponent).toPlainString();
            return mantissa + "E" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        }
        return stripped.toPlainString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}

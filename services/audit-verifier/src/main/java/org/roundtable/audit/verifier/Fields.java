package org.roundtable.audit.verifier;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Reads typed fields out of parsed JSON objects, naming the field when it is missing or of the wrong kind. */
final class Fields {

    private Fields() {
    }

    static String text(Map<String, Object> json, String name) {
        String value = optionalText(json, name);
        if (value == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return value;
    }

    static String optionalText(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("field '" + name + "' must be a string");
        }
        return text;
    }

    static long number(Map<String, Object> json, String name) {
        Long value = optionalNumber(json, name);
        if (value == null) {
            throw new IllegalArgumentException("field '" + name + "' is missing");
        }
        return value;
    }

    /**
     * A whole number written as a plain integer literal (no fraction, exponent or leading zero) within 64 bits;
     * anything else is refused, never rounded or wrapped.
     */
    static Long optionalNumber(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Json.Number number)) {
            throw new IllegalArgumentException("field '" + name + "' must be a number");
        }
        if (!plainInteger(number.literal())) {
            throw new IllegalArgumentException("field '" + name + "' must be a whole number written as an integer, not " + number.literal());
        }
        try {
            return Long.parseLong(number.literal());
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException("field '" + name + "' is beyond 64 bits: " + number.literal());
        }
    }

    /** {@code -?(0|[1-9][0-9]*)}, checked without a regular expression: every entry has five numbers. */
    private static boolean plainInteger(String literal) {
        int first = literal.startsWith("-") ? 1 : 0;
        if (literal.length() == first || literal.charAt(first) == '0' && literal.length() > first + 1) {
            return false;
        }
        for (int i = first; i < literal.length(); i++) {
            if (literal.charAt(i) < '0' || literal.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A whole number within 32 bits (a Kafka partition): 4294967296 is refused, not read as 0. */
    static int integer(Map<String, Object> json, String name) {
        long value = number(json, name);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("field '" + name + "' is beyond 32 bits: " + value);
        }
        return (int) value;
    }

    /**
     * An instant in the one form the ledger writes ({@link Instant#toString()}: UTC with {@code Z}); another spelling of
     * the same instant ({@code +00:00}, trailing zeros) is refused, since the text is what is hashed.
     */
    static Instant instant(Map<String, Object> json, String name) {
        String text = text(json, name);
        Instant instant = CanonicalInstant.parse(text);
        if (instant != null) {
            return instant;
        }
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            throw new IllegalArgumentException("field '" + name + "' must be an ISO-8601 instant");
        }
        if (!instant.toString().equals(text)) {
            throw new IllegalArgumentException("field '" + name + "' is not in canonical form: '" + text + "' is written '" + instant + "'");
        }
        return instant;
    }

    /**
     * An instant as {@link #instant} reads it, at most as precise as the ledger keeps times (microseconds): a finer one
     * would be hashed as its truncation, so two texts would hash alike.
     */
    static Instant microseconds(Map<String, Object> json, String name) {
        Instant instant = instant(json, name);
        if (instant.getNano() % 1_000 != 0) {
            throw new IllegalArgumentException("field '" + name + "' is more precise than the microseconds the ledger keeps: " + instant);
        }
        return instant;
    }

    @SuppressWarnings("unchecked")
    static List<Object> array(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (!(value instanceof List<?>)) {
            throw new IllegalArgumentException("field '" + name + "' must be an array");
        }
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw new IllegalArgumentException(what + " must be a JSON object");
        }
        return (Map<String, Object>) value;
    }
}

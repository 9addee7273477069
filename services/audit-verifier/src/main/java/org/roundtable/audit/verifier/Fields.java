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

    static Long optionalNumber(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return null;
        }
        try {
            if (value instanceof Json.Number number) {
                return number.longValue();
            }
        } catch (NumberFormatException notWhole) {
            throw new IllegalArgumentException("field '" + name + "' must be a whole number");
        }
        throw new IllegalArgumentException("field '" + name + "' must be a number");
    }

    static Instant instant(Map<String, Object> json, String name) {
        try {
            return Instant.parse(text(json, name));
        } catch (DateTimeParseException notInstant) {
            throw new IllegalArgumentException("field '" + name + "' must be an ISO-8601 instant");
        }
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

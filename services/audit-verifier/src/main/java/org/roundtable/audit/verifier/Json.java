package org.roundtable.audit.verifier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small, strict JSON reader and the ledger's one JSON writer. The verifier has no dependencies so that it runs on a
 * bare JDK; the service writes its exports and stores its payloads with this same code.
 *
 * <p>Values read are {@code Map<String, Object>} (insertion ordered), {@code List<Object>}, {@code String},
 * {@link Number} (the literal exactly as written), {@code Boolean} and {@code null}. Duplicate names in an object are
 * refused, because an object with two values for one name has no single meaning.
 *
 * <p>The writer is canonical: no whitespace, object members sorted by name (by UTF-16 code units), strings escaped
 * only where JSON requires it, numbers written as their literal. So equal values always give equal bytes, and
 * {@code canonical(canonical(x)) == canonical(x)}.
 */
public final class Json {

    /** A JSON number, kept as its literal so that nothing is lost or rounded. */
    public record Number(String literal) {

        public long longValue() {
            return Long.parseLong(literal);
        }

        @Override
        public String toString() {
            return literal;
        }
    }

    /** Deeper nesting is refused, so that no text can exhaust the reader's stack (or PostgreSQL's, which allows less). */
    public static final int MAX_DEPTH = 256;

    private final String text;
    private int at;
    private int depth;

    private Json(String text) {
        this.text = text;
    }

    /** Parses one JSON value; anything malformed, trailing or duplicated raises {@link IllegalArgumentException}. */
    public static Object parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no JSON text");
        }
        Json reader = new Json(text);
        reader.skipWhitespace();
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.at != text.length()) {
            throw reader.malformed("unexpected text after the value");
        }
        return value;
    }

    /** The canonical form of a JSON text. */
    public static String canonical(String text) {
        return write(parse(text));
    }

    /** Writes a value canonically; accepts what {@link #parse} returns, plus any {@link java.lang.Number}. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String string) {
            writeString(string, out);
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof java.lang.Number) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> member : new TreeMap<>((Map<String, Object>) map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static void writeString(String string, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < string.length(); i++) {
            char c = string.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private Object value() {
        if (at >= text.length()) {
            throw malformed("a value is missing");
        }
        char c = text.charAt(at);
        if ((c == '{' || c == '[') && depth >= MAX_DEPTH) {
            throw malformed("nested deeper than " + MAX_DEPTH + " levels");
        }
        return switch (c) {
            case '{' -> nested(this::object);
            case '[' -> nested(this::array);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw malformed("unexpected character '" + c + "'");
            }
        };
    }

    private Object nested(java.util.function.Supplier<Object> reader) {
        depth++;
        try {
            return reader.get();
        } finally {
            depth--;
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new LinkedHashMap<>();
        at++;
        skipWhitespace();
        if (peek() == '}') {
            at++;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw malformed("a member name is missing");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object value = value();
            if (members.containsKey(name)) {
                throw malformed("the name '" + name + "' appears twice");
            }
            members.put(name, value);
            skipWhitespace();
            char next = peek();
            at++;
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                at--;
                throw malformed("',' or '}' expected");
            }
        }
    }

    private List<Object> array() {
        List<Object> items = new ArrayList<>();
        at++;
        skipWhitespace();
        if (peek() == ']') {
            at++;
            return items;
        }
        while (true) {
            skipWhitespace();
            items.add(value());
            skipWhitespace();
            char next = peek();
            at++;
            if (next == ']') {
                return items;
            }
            if (next != ',') {
                at--;
                throw malformed("',' or ']' expected");
            }
        }
    }

    private String string() {
        at++;
        int run = at;
        boolean surrogates = false;
        StringBuilder out = null;
        while (true) {
            if (at >= text.length()) {
                throw malformed("a string is not closed");
            }
            char c = text.charAt(at);
            if (c == '"') {
                String value = out == null ? text.substring(run, at) : out.append(text, run, at).toString();
                at++;
                return surrogates ? wellFormed(value) : value;
            }
            if (c < 0x20) {
                at++;
                throw malformed("a control character inside a string");
            }
            if (c != '\\') {
                surrogates |= Character.isSurrogate(c);
                at++;
                continue;
            }
            if (out == null) {
                out = new StringBuilder(Math.max(16, 2 * (at - run)));
            }
            out.append(text, run, at);
            at++;
            if (at >= text.length()) {
                throw malformed("an escape is not finished");
            }
            char escaped = text.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> out.append(escaped);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (at + 4 > text.length()) {
                        throw malformed("a \\u escape is not finished");
                    }
                    char unicode;
                    try {
                        unicode = (char) Integer.parseInt(text, at, at + 4, 16);
                    } catch (NumberFormatException notHex) {
                        throw malformed("a \\u escape is not hexadecimal");
                    }
                    surrogates |= Character.isSurrogate(unicode);
                    out.append(unicode);
                    at += 4;
                }
                default -> throw malformed("unknown escape '\\" + escaped + "'");
            }
            run = at;
        }
    }

    /** A string whose UTF-16 holds a lone surrogate has no UTF-8 form: two different texts would encode alike. */
    private String wellFormed(String chars) {
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < chars.length() && Character.isLowSurrogate(chars.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw malformed("a string holds a lone surrogate (U+" + Integer.toHexString(c).toUpperCase() + "), which is not Unicode text");
            }
        }
        return chars;
    }

    private Number number() {
        int start = at;
        if (peek() == '-') {
            at++;
        }
        if (peek() == '0') {
            at++;
        } else if (isDigit(peek())) {
            while (isDigit(peek())) {
                at++;
            }
        } else {
            throw malformed("a number has no digits");
        }
        if (peek() == '.') {
            at++;
            requireDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            at++;
            if (peek() == '+' || peek() == '-') {
                at++;
            }
            requireDigits();
        }
        return new Number(text.substring(start, at));
    }

    private void requireDigits() {
        if (!isDigit(peek())) {
            throw malformed("digits expected");
        }
        while (isDigit(peek())) {
            at++;
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw malformed("'" + word + "' expected");
        }
        at += word.length();
        return value;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw malformed("'" + c + "' expected");
        }
        at++;
    }

    private char peek() {
        return at < text.length() ? text.charAt(at) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void skipWhitespace() {
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            at++;
        }
    }

    private IllegalArgumentException malformed(String problem) {
        return new IllegalArgumentException("malformed JSON at character " + at + ": " + problem);
    }
}

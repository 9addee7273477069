package org.roundtable.testsupport.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Requests for every write operation (POST, PUT, PATCH, DELETE) of a service's OpenAPI document, as jqwik
 * arbitraries: path variables, a token and a JSON body generated from the operation's documented schema. Each value is
 * plausible most of the time and hostile otherwise — NUL and other control characters, lone surrogates, text far
 * beyond any column, numbers such as {@code 1E+999999999} or {@code 6.9} for a whole number, dates in the year
 * +300000 or -5000 or 1900, lists repeating one entry, wrong types, missing and null fields, malformed JSON — so that
 * both sides of every check are exercised: accepted requests and refusals. Half the bodies are plausible throughout.
 */
public final class HostileRequests {

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final int DEPTH = 4;

    private final JsonNode document;
    private final Map<String, Arbitrary<String>> pathValues = new LinkedHashMap<>();
    private final Map<String, Arbitrary<String>> fieldValues = new LinkedHashMap<>();
    private final List<Map.Entry<String, Arbitrary<String>>> tokens = new ArrayList<>();
    private Arbitrary<String> defaultTokens;

    private HostileRequests(JsonNode document) {
        this.document = document;
    }

    /** The operations of this OpenAPI document (as served at {@code /v3/api-docs}). */
    public static HostileRequests from(JsonNode openApiDocument) {
        if (openApiDocument == null || !openApiDocument.has("paths")) {
            throw new IllegalArgumentException("not an OpenAPI document: " + openApiDocument);
        }
        return new HostileRequests(openApiDocument);
    }

    /** Values for a path variable of this name (known ids, so that requests reach the domain); random otherwise. */
    public HostileRequests pathValues(String name, Arbitrary<String> values) {
        pathValues.put(name, values);
        return this;
    }

    /** Plausible values for body fields of this name (an id that exists, an e-mail address); hostile ones are mixed in. */
    public HostileRequests fieldValues(String name, Arbitrary<String> jsonValues) {
        fieldValues.put(name, jsonValues);
        return this;
    }

    /** Tokens for operations whose path starts with this prefix; the first prefix that matches wins. */
    public HostileRequests tokens(String pathPrefix, Arbitrary<String> values) {
        tokens.add(Map.entry(pathPrefix, values));
        return this;
    }

    /** Tokens for every other operation. */
    public HostileRequests tokens(Arbitrary<String> values) {
        defaultTokens = values;
        return this;
    }

    /** The documented write operations, as {@code METHOD path}. */
    public List<String> operations() {
        List<String> operations = new ArrayList<>();
        document.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (WRITES.contains(method.getKey())) {
                operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        Collections.sort(operations);
        return operations;
    }

    /** One generated request for one of the write operations, each operation equally likely. */
    public Arbitrary<HostileRequest> arbitrary() {
        List<Arbitrary<HostileRequest>> perOperation = new ArrayList<>();
        for (String operation : operations()) {
            perOperation.add(forOperation(operation));
        }
        if (perOperation.isEmpty()) {
            throw new IllegalStateException("the OpenAPI document lists no write operation");
        }
        return Arbitraries.oneOf(perOperation);
    }

    private Arbitrary<HostileRequest> forOperation(String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(operation.indexOf(' ') + 1);
        JsonNode spec = document.get("paths").get(template).get(method.toLowerCase(Locale.ROOT));
        Arbitrary<String> path = path(template);
        Arbitrary<String> token = tokenFor(template);
        JsonNode schema = requestSchema(spec);
        Arbitrary<String> body = schema == null ? Arbitraries.just((String) null)
                : weightedOneOf(
                        weighted(10, plausible(resolve(schema), null, 0, false)),
                        weighted(10, json(schema, null, 0)),
                        weighted(1, Arbitraries.of("{\"unclosed\": ", "[1,2", "not json", "{}", "null", "\"text\"", "[]")));
        Arbitrary<List<String>> headers = weightedOneOf(
                weighted(6, Arbitraries.just(List.<String>of())),
                weighted(3, Arbitraries.create(() -> List.of("Idempotency-Key", UUID.randomUUID().toString()))),
                weighted(1, Arbitraries.of(List.of("Idempotency-Key", "k".repeat(300)), List.of("Idempotency-Key", "\u00e9t\u00e9"),
                        List.of("X-Acting-Role", "WIZARD"))));
        return Combinators.combine(path, token, body, headers)
                .as((p, t, b, h) -> new HostileRequest(operation, method, p, t, b, h));
    }

    private Arbitrary<String> path(String template) {
        List<Arbitrary<String>> parts = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = template.indexOf('{', from);
            if (open < 0) {
                parts.add(Arbitraries.just(template.substring(from)));
                break;
            }
            int close = template.indexOf('}', open);
            parts.add(Arbitraries.just(template.substring(from, open)));
            String name = template.substring(open + 1, close);
            Arbitrary<String> hostile = Arbitraries.of("not-a-uuid", "a%2Fb", "%00", "x".repeat(3000), "%ED%A0%80", "..%2F..");
            Arbitrary<String> random = Arbitraries.create(() -> UUID.randomUUID().toString());
            Arbitrary<String> known = pathValues.get(name);
            parts.add(known == null
                    ? weightedOneOf(weighted(9, random), weighted(1, hostile))
                    : weightedOneOf(weighted(16, known), weighted(2, random), weighted(1, hostile)));
            from = close + 1;
        }
        return Combinators.combine(parts).as(pieces -> String.join("", pieces));
    }

    private Arbitrary<String> tokenFor(String template) {
        for (Map.Entry<String, Arbitrary<String>> entry : tokens) {
            if (template.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        if (defaultTokens == null) {
            throw new IllegalStateException("no tokens given for " + template);
        }
        return defaultTokens;
    }

    private JsonNode requestSchema(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        if (content.isMissingNode() || content.isEmpty()) {
            return null;
        }
        JsonNode media = content.has("application/json") ? content.get("application/json") : content.elements().next();
        return media.get("schema");
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        for (int hops = 0; resolved != null && resolved.has("$ref") && hops < 10; hops++) {
            String ref = resolved.get("$ref").asText();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            resolved = document.path("components").path("schemas").get(name);
        }
        return resolved;
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema.has("properties") ? "object" : schema.has("items") ? "array" : schema.has("enum") ? "string" : "any";
        }
        if (type.isArray()) {
            for (JsonNode each : type) {
                if (!"null".equals(each.asText())) {
                    return each.asText();
                }
            }
            return "null";
        }
        return type.asText();
    }

    /** JSON text for a value of this schema: plausible four times in five, hostile otherwise. */
    private Arbitrary<String> json(JsonNode given, String field, int depth) {
        JsonNode schema = resolve(given);
        if (schema == null || schema.isNull()) {
            return Arbitraries.of("null", "{}", "\"anything\"");
        }
        Arbitrary<String> plausible = plausible(schema, field, depth, true);
        Arbitrary<String> hostile = hostile(schema, field, depth);
        return weightedOneOf(weighted(4, plausible), weighted(1, hostile));
    }

    /** A plausible value; with {@code mixed}, the values inside it may be hostile (else every field is present and plausible). */
    private Arbitrary<String> plausible(JsonNode schema, String field, int depth, boolean mixed) {
        if (schema == null || schema.isNull()) {
            return Arbitraries.just("{}");
        }
        if (field != null && fieldValues.containsKey(field)) {
            return fieldValues.get(field);
        }
        String format = schema.path("format").asText("");
        switch (type(schema)) {
            case "object" -> {
                return object(schema, depth, mixed);
            }
            case "array" -> {
                if (depth >= DEPTH) {
                    return Arbitraries.just("[]");
                }
                Arbitrary<String> item = mixed ? json(schema.get("items"), field, depth + 1)
                        : plausible(resolve(schema.get("items")), field, depth + 1, false);
                return item.list().ofMinSize(1).ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]");
            }
            case "integer" -> {
                return Arbitraries.integers().between(1, 20).map(String::valueOf);
            }
            case "number" -> {
                return Arbitraries.of("3", "12.50", "1200.00", "40", "0.5", "999.99");
            }
            case "boolean" -> {
                return Arbitraries.of("true", "false");
            }
            default -> {
                if (schema.has("enum")) {
                    List<String> values = new ArrayList<>();
                    schema.get("enum").forEach(value -> values.add(quote(value.asText())));
                    return Arbitraries.of(values);
                }
                return switch (format) {
                    case "date-time" -> Arbitraries.of("2030-05-01T17:00:00Z", "2027-03-15T09:30:00Z", "2031-11-30T18:00:00Z")
                            .map(HostileRequests::quote);
                    case "date" -> Arbitraries.of("2026-10-01", "2026-11-15", "2027-06-01", "2028-03-31").map(HostileRequests::quote);
                    case "uuid" -> Arbitraries.create(() -> quote(UUID.randomUUID().toString()));
                    case "email" -> Arbitraries.just(quote("someone@example.org"));
                    default -> words(field);
                };
            }
        }
    }

    private static Arbitrary<String> words(String field) {
        if (field != null && field.toLowerCase(Locale.ROOT).contains("email")) {
            return Arbitraries.just(quote("someone@example.org"));
        }
        if (field != null && field.toLowerCase(Locale.ROOT).equals("currency")) {
            return Arbitraries.of(quote("GBP"), quote("EUR"));
        }
        return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '\u00e9', '\u00df').ofMinLength(1).ofMaxLength(40)
                .map(text -> quote("Plot " + text));
    }

    private Arbitrary<String> object(JsonNode schema, int depth, boolean mixed) {
        JsonNode properties = schema.get("properties");
        if (properties == null || properties.isEmpty() || depth >= DEPTH) {
            return Arbitraries.just("{}");
        }
        List<Arbitrary<String>> members = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = properties.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> property = fields.next();
            String name = quote(property.getKey());
            if (!mixed) {
                members.add(plausible(resolve(property.getValue()), property.getKey(), depth + 1, false).map(json -> name + ":" + json));
                continue;
            }
            Arbitrary<String> value = json(property.getValue(), property.getKey(), depth + 1).map(json -> name + ":" + json);
            members.add(weightedOneOf(weighted(18, value), weighted(1, Arbitraries.just("")), weighted(1, Arbitraries.just(name + ":null"))));
        }
        return Combinators.combine(members).as(parts -> "{" + parts.stream().filter(part -> !part.isEmpty())
                .collect(Collectors.joining(",")) + "}");
    }

    private Arbitrary<String> hostile(JsonNode schema, String field, int depth) {
        Arbitrary<String> anyType = Arbitraries.of("null", "true", "{}", "[]", "\"\"", "-1");
        Arbitrary<String> forType = switch (type(schema)) {
            case "object" -> Arbitraries.of("\"an object\"", "[{}]", "{\"unknown\":1}");
            case "array" -> depth >= DEPTH ? Arbitraries.just("[]") : json(schema.get("items"), field, depth + 1).flatMap(item ->
                    Arbitraries.of(
                            "[" + String.join(",", Collections.nCopies(6, item)) + "]",
                            "[" + String.join(",", Collections.nCopies(60, item)) + "]",
                            "[null]",
                            "\"" + "not a list" + "\""));
            case "integer" -> Arbitraries.of("6.9", "0", "-1", "2147483648", "-2147483649", "1E+999999999", "99999999999999999999",
                    "\"six\"", "1e2", "201");
            case "number" -> Arbitraries.of("1E+999999999", "1e-999999999", "1000000000000", "-0.001", "12.345", "1E+12",
                    "123456789012345678901234567890", "\"NaN\"", "-5");
            case "boolean" -> Arbitraries.of("\"yes\"", "1", "\"true\"");
            default -> switch (schema.path("format").asText("")) {
                case "date-time" -> Arbitraries.of("+300000-01-01T00:00:00Z", "1900-05-01T10:00:00Z", "-5000-01-01T00:00:00Z",
                        "2030-05-01T25:00:00Z", "2030-05-01", "next spring", "2000-01-01T00:00:00Z", "2099-12-31T23:59:59Z")
                        .map(HostileRequests::quote);
                case "date" -> Arbitraries.of("+300000-01-01", "-5000-01-01", "1900-01-01", "2026-02-30", "yesterday", "1999-12-31",
                        "2100-01-01").map(HostileRequests::quote);
                default -> hostileText();
            };
        };
        return weightedOneOf(weighted(5, forType), weighted(1, anyType));
    }

    private static Arbitrary<String> hostileText() {
        return Arbitraries.of(
                "", "   ", "a\u0000b", "\u0000", "\ud800", "x\udc00y", "end\ud83d", "bell\u0007", "\u001b[31mred",
                "\u202eevil", "zero\u200bwidth", "smile \ud83d\ude00", "<script>alert(1)</script>", "'; drop table x; --",
                "%00", "../../etc/passwd", "CITIZEN", "x".repeat(81), "y".repeat(501), "z".repeat(4001), "w".repeat(20_001),
                "\u00e9".repeat(2000), "line\r\nbreak\ttab"
        ).map(HostileRequests::quote);
    }

    /** A JSON string literal; every character outside printable ASCII is escaped, lone surrogates included. */
    static String quote(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    @SafeVarargs
    private static <T> Arbitrary<T> weightedOneOf(Tuple.Tuple2<Integer, Arbitrary<T>>... choices) {
        return Arbitraries.frequencyOf(List.of(choices));
    }

    @SuppressWarnings("unchecked")
    private static <T> Tuple.Tuple2<Integer, Arbitrary<T>> weighted(int weight, Arbitrary<? extends T> arbitrary) {
        return Tuple.of(weight, (Arbitrary<T>) arbitrary);
    }

    /** Maps known values to their JSON text, for {@link #fieldValues}. */
    public static Arbitrary<String> jsonStrings(Arbitrary<String> values) {
        return values.map(HostileRequests::quote);
    }
}

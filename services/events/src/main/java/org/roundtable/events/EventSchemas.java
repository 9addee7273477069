package org.roundtable.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The JSON Schema (draft 2020-12) of each event type's data, generated from its record, so that the schema cannot drift
 * from what is published. A record component is a property; a primitive one is required, every other one may be left
 * out (the published JSON leaves absent values out); nested records are objects of their own; no other property is
 * allowed. Each schema's {@code $id} is the URI every record of that type names in its CloudEvents {@code dataschema}.
 */
public final class EventSchemas {

    /** Where the schemas are published when nothing else is said: the audit service, through the local gateway. */
    public static final URI DEFAULT_BASE = URI.create("http://localhost:8080/api/audit/schemas/");

    private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";
    private static final ObjectMapper JSON = EventJson.newMapper();

    private final EventCatalog catalog;
    private final URI base;

    /**
     * @param base the URI under which the schemas are published; a type's schema is at {@code base + type + ".json"}
     */
    public EventSchemas(EventCatalog catalog, URI base) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        String text = Objects.requireNonNull(base, "base").toString();
        if (!base.isAbsolute()) {
            throw new IllegalArgumentException("the schema base must be an absolute URI, was " + base);
        }
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
    }

    /** The URI of a type's schema: its CloudEvents {@code dataschema}. */
    public URI uriOf(EventType type) {
        return base.resolve(type.value() + ".json");
    }

    /** The schema of a type's data. */
    public ObjectNode schemaOf(EventType type) {
        Class<? extends IntegrationEvent> eventClass = catalog.classOf(type.value())
                .orElseThrow(() -> new IllegalArgumentException(type + " is not in the event catalog"));
        ObjectNode schema = JSON.createObjectNode();
        schema.put("$schema", DIALECT);
        schema.put("$id", uriOf(type).toString());
        schema.put("title", type.value());
        schema.put("description", "The data of a " + type.name() + " event (version " + type.version() + "), published by "
                + type.source().service() + " on " + type.source().topic() + ".");
        schema.setAll(objectOf(eventClass));
        return schema;
    }

    private ObjectNode objectOf(Class<?> record) {
        ObjectNode object = JSON.createObjectNode();
        object.put("type", "object");
        ObjectNode properties = object.putObject("properties");
        ArrayNode required = JSON.createArrayNode();
        for (RecordComponent component : record.getRecordComponents()) {
            properties.set(component.getName(), schemaOf(component.getGenericType()));
            if (component.getType().isPrimitive()) {
                required.add(component.getName());
            }
        }
        if (!required.isEmpty()) {
            object.set("required", required);
        }
        object.put("additionalProperties", false);
        return object;
    }

    private JsonNode schemaOf(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() instanceof Class<?> raw) {
            Type[] arguments = parameterized.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                ObjectNode array = JSON.createObjectNode().put("type", "array");
                array.set("items", schemaOf(arguments[0]));
                return array;
            }
            if (Map.class.isAssignableFrom(raw)) {
                ObjectNode map = JSON.createObjectNode().put("type", "object");
                map.set("additionalProperties", schemaOf(arguments[1]));
                return map;
            }
        }
        if (!(type instanceof Class<?> plain)) {
            throw new IllegalArgumentException("no JSON Schema for the type " + type);
        }
        if (plain == String.class) {
            return simple("string");
        }
        if (plain == boolean.class || plain == Boolean.class) {
            return simple("boolean");
        }
        if (plain == int.class || plain == long.class || plain == short.class || plain == Integer.class || plain == Long.class
                || plain == Short.class || plain == BigInteger.class) {
            return simple("integer");
        }
        if (plain == double.class || plain == float.class || plain == Double.class || plain == Float.class || plain == BigDecimal.class) {
            return simple("number");
        }
        if (plain == Instant.class || plain == OffsetDateTime.class) {
            return simple("string").put("format", "date-time");
        }
        if (plain == LocalDate.class) {
            return simple("string").put("format", "date");
        }
        if (plain == UUID.class) {
            return simple("string").put("format", "uuid");
        }
        if (plain.isEnum()) {
            ObjectNode enumeration = simple("string");
            ArrayNode values = enumeration.putArray("enum");
            for (Object constant : plain.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return enumeration;
        }
        if (plain.isRecord()) {
            return objectOf(plain);
        }
        throw new IllegalArgumentException("no JSON Schema for the type " + plain.getName());
    }

    private static ObjectNode simple(String type) {
        return JSON.createObjectNode().put("type", type);
    }
}

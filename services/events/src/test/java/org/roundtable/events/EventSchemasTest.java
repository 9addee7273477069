package org.roundtable.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every published event type against its JSON Schema: a record of the type, filled with plausible values and written as
 * the platform writes it, validates; the same record with a property the schema does not know, or a field of the
 * wrong kind, does not.
 */
class EventSchemasTest {

    private static final ObjectMapper JSON = EventJson.newMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final URI BASE = URI.create("https://roundtable.test/api/audit/schemas/");

    private final EventSchemas schemas = new EventSchemas(RoundtableEvents.CATALOG, BASE);

    @TestFactory
    Stream<DynamicTest> everyPublishedTypeValidatesAgainstItsSchema() {
        return RoundtableEvents.CATALOG.types().stream().sorted(Comparator.comparing(EventType::value))
                .map(type -> DynamicTest.dynamicTest(type.value(), () -> {
                    Schema schema = schema(type);
                    JsonNode data = JSON.valueToTree(sample(RoundtableEvents.CATALOG.classOf(type.value()).orElseThrow()));

                    assertThat(schema.validate(data)).as(type + ": " + data).isEmpty();

                    ObjectNode extra = data.deepCopy();
                    extra.put("notInTheRecord", "x");
                    assertThat(schema.validate(extra)).as("an unknown property in " + type).isNotEmpty();
                    String first = data.fieldNames().next();
                    ObjectNode wrong = data.deepCopy();
                    wrong.set(first, JSON.createArrayNode().add(JSON.createObjectNode()));
                    assertThat(schema.validate(wrong)).as("an array where " + type + "." + first + " is not one").isNotEmpty();
                }));
    }

    @Test
    void aSchemaIsIdentifiedByTheUriRecordsNameAsTheirDataschema() {
        EventType voteCast = RoundtableEvents.CATALOG.typeOf(org.roundtable.events.commissioning.VoteCast.class);

        ObjectNode schema = schemas.schemaOf(voteCast);

        assertThat(schema.get("$id").asText()).isEqualTo("https://roundtable.test/api/audit/schemas/org.roundtable.commissioning.VoteCast.v1.json");
        assertThat(schemas.uriOf(voteCast).toString()).isEqualTo(schema.get("$id").asText());
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("properties").get("vote").get("enum")).extracting(JsonNode::asText).containsExactly("APPROVE", "REJECT", "ABSTAIN");
        assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    }

    @Test
    void aRelativeBaseIsRefused() {
        assertThatThrownBy(() -> new EventSchemas(RoundtableEvents.CATALOG, URI.create("/api/audit/schemas/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute");
    }

    private Schema schema(EventType type) {
        return REGISTRY.getSchema(schemas.schemaOf(type).toString());
    }

    /** A record with a plausible value in every component. */
    static Object sample(Class<?> record) throws ReflectiveOperationException {
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getName(), components[i].getGenericType());
        }
        Constructor<?> canonical = record.getDeclaredConstructor(types);
        canonical.setAccessible(true);
        return canonical.newInstance(values);
    }

    private static Object value(String name, Type type) throws ReflectiveOperationException {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Object element = value(name, parameterized.getActualTypeArguments()[raw == Map.class ? 1 : 0]);
            if (raw == Set.class) {
                return Set.of(element);
            }
            if (raw == Map.class) {
                return Map.of("key", element);
            }
            return List.of(element);
        }
        Class<?> plain = (Class<?>) type;
        if (plain == String.class) {
            return switch (name) {
                case "currency" -> "GBP";
                default -> name.endsWith("Id") ? UUID.randomUUID().toString() : "a " + name;
            };
        }
        if (plain == boolean.class || plain == Boolean.class) {
            return false;
        }
        if (plain == int.class || plain == Integer.class) {
            return 2;
        }
        if (plain == long.class || plain == Long.class) {
            return 2L;
        }
        if (plain == BigDecimal.class) {
            return new BigDecimal("120.50");
        }
        if (plain == Instant.class) {
            return Instant.parse("2026-03-02T10:00:00Z");
        }
        if (plain == LocalDate.class) {
            return LocalDate.parse("2026-03-02");
        }
        if (plain.isEnum()) {
            return plain.getEnumConstants()[0];
        }
        if (plain.isRecord()) {
            return sample(plain);
        }
        throw new IllegalArgumentException("no sample for " + name + " of type " + type);
    }
}

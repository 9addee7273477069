package org.roundtable.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.io.IOException;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Turns an {@link EventEnvelope} into a Kafka record and back, as a CloudEvents 1.0 event in <b>binary mode</b>:
 * the record value is the event record's JSON and nothing else, the attributes travel as {@code ce_*} headers.
 * Binary mode lets a consumer, the dead-letter topic and the audit ledger read who did what, when, and to which
 * aggregate without parsing the payload, and leaves the value readable by any JSON consumer.
 *
 * <p>Besides the standard attributes (id, source, type, subject, time, datacontenttype, and dataschema: the URI of
 * the type's JSON Schema, see {@link EventSchemas}) every record carries the
 * extensions {@value #ACTOR_ID}, {@value #ACTOR_ROLE}, {@value #CORRELATION_ID}, and where they apply
 * {@value #ACTOR_NAME} (the name of whoever acted in a public office, or of the service acting on its own; never a
 * citizen's), {@value #CAUSATION_ID} (the id of the event or request that caused it) and {@value #SEQUENCE} (the
 * aggregate's sequence number, zero-padded so that it orders lexicographically, as the CloudEvents sequence extension
 * requires).
 */
public final class KafkaEnvelopeCodec {

    public static final String ACTOR_ID = "actorid";
    public static final String ACTOR_ROLE = "actorrole";
    public static final String ACTOR_NAME = "actorname";
    public static final String CORRELATION_ID = "correlationid";
    public static final String CAUSATION_ID = "causationid";
    public static final String SEQUENCE = "sequence";

    /** The digits of {@link Long#MAX_VALUE}: every sequence is written with this many. */
    static final int SEQUENCE_WIDTH = 19;

    private static final String JSON = "application/json";

    private final EventCatalog catalog;
    private final ObjectMapper json;
    private final EventSchemas schemas;

    /** A codec whose records name their schemas as published under {@link EventSchemas#DEFAULT_BASE}. */
    public KafkaEnvelopeCodec(EventCatalog catalog, ObjectMapper json) {
        this(catalog, json, new EventSchemas(catalog, EventSchemas.DEFAULT_BASE));
    }

    public KafkaEnvelopeCodec(EventCatalog catalog, ObjectMapper json, EventSchemas schemas) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.json = Objects.requireNonNull(json, "json");
        this.schemas = Objects.requireNonNull(schemas, "schemas");
    }

    public ProducerRecord<String, byte[]> encode(EventEnvelope envelope) {
        EventType catalogued = catalog.typeOf(envelope.data().getClass());
        if (!catalogued.equals(envelope.type())) {
            throw new IllegalArgumentException("envelope type " + envelope.type() + " does not match the catalogued type "
                    + catalogued + " of " + envelope.data().getClass().getName());
        }
        CloudEventBuilder event = CloudEventBuilder.v1()
                .withId(envelope.id())
                .withSource(URI.create(envelope.source().uri()))
                .withType(envelope.type().value())
                .withSubject(envelope.subject())
                .withTime(envelope.time().atOffset(ZoneOffset.UTC))
                .withDataContentType(JSON)
                .withDataSchema(schemas.uriOf(envelope.type()))
                .withData(toJson(envelope.data()))
                .withExtension(ACTOR_ID, envelope.actor().subjectId())
                .withExtension(ACTOR_ROLE, envelope.actor().role().name())
                .withExtension(CORRELATION_ID, envelope.correlationId());
        if (envelope.actor().displayName() != null) {
            event.withExtension(ACTOR_NAME, envelope.actor().displayName());
        }
        if (envelope.causationId() != null) {
            event.withExtension(CAUSATION_ID, envelope.causationId());
        }
        if (envelope.sequence() != null) {
            event.withExtension(SEQUENCE, sequenceText(envelope.sequence()));
        }
        return KafkaMessageFactory.<String>createWriter(envelope.topic(), envelope.subject()).writeBinary(event.build());
    }

    /** Reads a record; anything missing, unknown or malformed raises {@link EventDecodingException} naming it. */
    public EventEnvelope decode(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException notCloudEvent) {
            throw new EventDecodingException(where + ": not a CloudEvents 1.0 record in binary mode: " + notCloudEvent.getMessage(), notCloudEvent);
        }
        try {
            return decode(event);
        } catch (EventDecodingException failure) {
            throw new EventDecodingException(where + ": " + failure.getMessage(), failure.getCause());
        }
    }

    private EventEnvelope decode(CloudEvent event) {
        EventType type;
        try {
            type = EventType.parse(event.getType());
        } catch (IllegalArgumentException unknown) {
            throw new EventDecodingException("attribute 'type': " + unknown.getMessage());
        }
        Class<? extends IntegrationEvent> eventClass = catalog.classOf(type.value())
                .orElseThrow(() -> new EventDecodingException("attribute 'type': " + type + " is not in the event catalog"));
        String source = event.getSource() == null ? null : event.getSource().toString();
        if (!type.source().uri().equals(source)) {
            throw new EventDecodingException("attribute 'source': " + source + " does not publish " + type);
        }
        String subject = required(event.getSubject(), "subject");
        if (event.getTime() == null) {
            throw new EventDecodingException("attribute 'time' is missing");
        }
        if (event.getDataContentType() != null && !event.getDataContentType().startsWith(JSON)) {
            throw new EventDecodingException("attribute 'datacontenttype': expected " + JSON + ", was " + event.getDataContentType());
        }
        Actor actor;
        try {
            actor = new Actor(required(extension(event, ACTOR_ID), "extension '" + ACTOR_ID + "'"),
                    Role.parse(required(extension(event, ACTOR_ROLE), "extension '" + ACTOR_ROLE + "'")),
                    extension(event, ACTOR_NAME));
        } catch (IllegalArgumentException invalid) {
            throw new EventDecodingException("actor: " + invalid.getMessage());
        }
        String correlationId = required(extension(event, CORRELATION_ID), "extension '" + CORRELATION_ID + "'");
        Long sequence = sequenceOf(extension(event, SEQUENCE));
        IntegrationEvent data = dataOf(event.getData(), eventClass, type);
        return new EventEnvelope(event.getId(), type, subject, event.getTime().toInstant(), actor, correlationId,
                extension(event, CAUSATION_ID), sequence, data);
    }

    private IntegrationEvent dataOf(CloudEventData data, Class<? extends IntegrationEvent> eventClass, EventType type) {
        if (data == null || data.toBytes().length == 0) {
            throw new EventDecodingException("data of " + type + " is empty");
        }
        try {
            return json.readValue(data.toBytes(), eventClass);
        } catch (JsonMappingException invalid) {
            String field = invalid.getPath().isEmpty() ? "" : " at field '" + fieldPath(invalid) + "'";
            throw new EventDecodingException("data of " + type + " is invalid" + field + ": " + invalid.getOriginalMessage(), invalid);
        } catch (IOException malformed) {
            throw new EventDecodingException("data of " + type + " is not JSON: " + malformed.getMessage(), malformed);
        }
    }

    private static String fieldPath(JsonMappingException invalid) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : invalid.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The sequence as the CloudEvents sequence extension wants it: a string whose lexicographic order is the order of
     * the events, so zero-padded to the width of the largest sequence number.
     */
    static String sequenceText(long sequence) {
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative, was " + sequence);
        }
        return String.format(java.util.Locale.ROOT, "%0" + SEQUENCE_WIDTH + "d", sequence);
    }

    private static Long sequenceOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notNumber) {
            throw new EventDecodingException("extension '" + SEQUENCE + "' is not a number: '" + value + "'");
        }
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new EventDecodingException(what + " is missing");
        }
        return value;
    }

    private byte[] toJson(IntegrationEvent data) {
        try {
            return json.writeValueAsBytes(data);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalArgumentException("cannot write " + data.getClass().getName() + " as JSON", unwritable);
        }
    }
}

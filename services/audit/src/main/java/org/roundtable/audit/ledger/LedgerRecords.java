package org.roundtable.audit.ledger;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.cloudevents.rw.CloudEventRWException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.roundtable.audit.verifier.Json;
import org.roundtable.audit.verifier.LedgerRecord;
import org.roundtable.events.EventDecodingException;
import org.roundtable.events.EventType;
import org.roundtable.events.KafkaEnvelopeCodec;
import org.roundtable.events.Role;
import org.roundtable.events.Source;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what the ledger records from a raw Kafka record, for every event type, known to the catalog or not: the
 * CloudEvents attributes from the {@code ce_*} headers ({@link KafkaEnvelopeCodec}'s binary mode), every header as it
 * came, and the value as canonical JSON. The payload is not decoded into an event record, so a version or an event
 * the catalog does not know yet is recorded all the same.
 *
 * <p>A record is not an event ({@link EventDecodingException}) when it is not a CloudEvent in binary mode; its type is not {@code org.roundtable.<service>.<Name>.v<N>} of the service that owns
 * the topic, or its source is not that service; its subject or time is missing; its value is not UTF-8 JSON; its
 * actor role is not a Roundtable role or its sequence not a number; or a value does not fit its ledger column. {@link #read} records such a record all the same, as an {@link LedgerRecord#UNDECODABLE_TYPE} entry that
 * keeps the reason and the record's bytes, so that nothing Kafka holds is left out of the ledger.
 */
public final class LedgerRecords {

    static final int MAX_REASON = 500;

    private LedgerRecords() {
    }

    /** The record as an event, or as an undecodable entry when it is not one; never refuses. */
    public static LedgerRecord read(ConsumerRecord<String, byte[]> record) {
        try {
            return from(record);
        } catch (EventDecodingException notAnEvent) {
            return undecodable(record, notAnEvent.getMessage());
        }
    }

    /**
     * An entry for a record that is not a Roundtable event: its id and subject name where it was read, its time is the
     * record's Kafka timestamp, its headers carry their values in base64 and its payload the reason with the key and
     * value bytes in base64, so every byte the record held is hashed and can be compared with the topic.
     */
    static LedgerRecord undecodable(ConsumerRecord<String, byte[]> record, String reason) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        String owner = Arrays.stream(Source.values()).filter(source -> source.topic().equals(record.topic()))
                .map(Source::service).findFirst().orElse("unknown");
        List<Object> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(Arrays.asList(header.key(), base64(header.value())));
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "..." : reason);
        payload.put("key", record.key());
        payload.put("value", base64(record.value()));
        Instant time = record.timestamp() >= 0 ? Instant.ofEpochMilli(record.timestamp()) : Instant.EPOCH;
        return new LedgerRecord(record.topic(), record.partition(), record.offset(), "undecodable:" + where, owner,
                LedgerRecord.UNDECODABLE_TYPE, LedgerRecord.UNDECODABLE_NAME, where, null, null, null, null, null, null,
                time, Json.write(headers), Json.write(payload));
    }

    private static String base64(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }

    public static LedgerRecord from(ConsumerRecord<String, byte[]> record) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        try {
            return decode(record);
        } catch (EventDecodingException refused) {
            throw new EventDecodingException(where + ": " + refused.getMessage(), refused.getCause());
        }
    }

    private static LedgerRecord decode(ConsumerRecord<String, byte[]> record) {
        Source owner = Arrays.stream(Source.values()).filter(source -> source.topic().equals(record.topic())).findFirst()
                .orElseThrow(() -> new EventDecodingException("the topic is not a Roundtable event topic"));
        CloudEvent event;
        try {
            event = KafkaMessageFactory.createReader(record).toEvent();
        } catch (CloudEventRWException | IllegalStateException notCloudEvent) {
            throw new EventDecodingException("not a CloudEvents 1.0 record in binary mode: " + notCloudEvent.getMessage(), notCloudEvent);
        }
        EventType type;
        try {
            type = EventType.parse(event.getType());
        } catch (IllegalArgumentException unknown) {
            throw new EventDecodingException("attribute 'type': " + unknown.getMessage());
        }
        if (type.source() != owner) {
            throw new EventDecodingException("attribute 'type': " + type + " is not published on " + record.topic());
        }
        String source = event.getSource() == null ? null : event.getSource().toString();
        if (!owner.uri().equals(source)) {
            throw new EventDecodingException("attribute 'source': " + source + " does not publish on " + record.topic());
        }
        if (event.getTime() == null) {
            throw new EventDecodingException("attribute 'time' is missing");
        }
        String actorRole = fitting(extension(event, KafkaEnvelopeCodec.ACTOR_ROLE), "extension 'actorrole'", 40);
        if (actorRole != null) {
            try {
                Role.parse(actorRole);
            } catch (IllegalArgumentException unknown) {
                throw new EventDecodingException("extension 'actorrole': " + unknown.getMessage());
            }
        }
        return new LedgerRecord(record.topic(), record.partition(), record.offset(),
                required(event.getId(), "attribute 'id'", 100),
                owner.service(), type.value(), type.name(),
                required(event.getSubject(), "attribute 'subject'", 200),
                fitting(extension(event, KafkaEnvelopeCodec.ACTOR_ID), "extension 'actorid'", 200),
                actorRole,
                fitting(extension(event, KafkaEnvelopeCodec.ACTOR_NAME), "extension 'actorname'", 200),
                fitting(extension(event, KafkaEnvelopeCodec.CORRELATION_ID), "extension 'correlationid'", 200),
                fitting(extension(event, KafkaEnvelopeCodec.CAUSATION_ID), "extension 'causationid'", 200),
                sequence(extension(event, KafkaEnvelopeCodec.SEQUENCE)),
                event.getTime().toInstant(), headers(record), payload(record.value()));
    }

    private static String headers(ConsumerRecord<String, byte[]> record) {
        List<Object> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(Arrays.asList(header.key(), header.value() == null ? null : utf8(header.value(), "header '" + header.key() + "'")));
        }
        return Json.write(headers);
    }

    private static String payload(byte[] value) {
        if (value == null || value.length == 0) {
            throw new EventDecodingException("the record has no data");
        }
        try {
            return Json.canonical(utf8(value, "the data"));
        } catch (IllegalArgumentException notJson) {
            throw new EventDecodingException("the data is not JSON: " + notJson.getMessage());
        }
    }

    private static String utf8(byte[] bytes, String what) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (text.indexOf('\0') >= 0) {
                throw new EventDecodingException(what + " contains a NUL character");
            }
            return text;
        } catch (CharacterCodingException notUtf8) {
            throw new EventDecodingException(what + " is not UTF-8");
        }
    }

    private static Long sequence(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException notNumber) {
            throw new EventDecodingException("extension 'sequence' is not a number: '" + value + "'");
        }
    }

    private static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }

    private static String required(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new EventDecodingException(what + " is missing");
        }
        return fitting(value, what, maxLength);
    }

    private static String fitting(String value, String what, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            throw new EventDecodingException(what + " is longer than " + maxLength + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            throw new EventDecodingException(what + " contains a NUL character");
        }
        return value;
    }
}

package org.roundtable.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reads a service's Axon event store ({@code domain_event_entry}) so a test can see what a command stored, or that it
 * stored nothing; and writes a row straight into it, the way a defect or a hand-made repair would, past every check
 * of the command side.
 */
public final class EventStore {

    private final JdbcTemplate jdbc;

    public EventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many events the store holds, of every aggregate. */
    public long count() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** The events of one aggregate in the order stored, by simple type name. */
    public List<String> typesOf(String aggregateId) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class, aggregateId).stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    /**
     * Stores an event as the given JSON, unchecked, at the end of the store; returns its event id.
     *
     * @param payloadType the event's Java class name, as Axon records it
     */
    public String appendUnchecked(String aggregateType, String aggregateId, long sequence, String payloadType, String payloadJson) {
        String eventId = UUID.randomUUID().toString();
        jdbc.update("insert into domain_event_entry (global_index, event_identifier, aggregate_identifier, sequence_number, type, "
                        + "payload_type, payload_revision, payload, meta_data, time_stamp) "
                        + "values (nextval('domain_event_global_index_seq'), ?, ?, ?, ?, ?, null, ?, ?, ?)",
                eventId, aggregateId, sequence, aggregateType, payloadType, payloadJson.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8), Instant.now().toString());
        return eventId;
    }
}

package org.roundtable.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public EventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many events the store holds, of every aggregate. */
    public long count() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    /** The global index of the last event stored, or -1 for an empty store. */
    public long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? -1 : head;
    }

    /**
     * Where each segment of a tracking processor stands: the global index it has read up to (within a replay, the
     * replay's own position), -1 for a segment that has read nothing. Empty before the processor has claimed a token.
     */
    public List<Long> positionsOf(String processorName) {
        return positions().stream().filter(segment -> segment.processor().equals(processorName)).map(SegmentPosition::position).toList();
    }

    /** Where every segment of every tracking processor stands (as {@link #positionsOf}), by processor and segment. */
    public List<SegmentPosition> positions() {
        return jdbc.query("select processor_name, segment, token from token_entry order by processor_name, segment",
                (row, number) -> new SegmentPosition(row.getString(1), row.getInt(2), position(row.getBytes(3))));
    }

    /** One segment of a tracking processor and the global index it has read up to. */
    public record SegmentPosition(String processor, int segment, long position) {

        @Override
        public String toString() {
            return processor + "[" + segment + "] at " + position;
        }
    }

    private static long position(byte[] token) {
        if (token == null) {
            return -1;
        }
        try {
            JsonNode node = JSON.readTree(token);
            JsonNode current = node.has("currentToken") ? node.get("currentToken") : node;
            return current == null || current.isNull() || !current.has("index") ? -1 : current.get("index").asLong();
        } catch (java.io.IOException unreadable) {
            throw new IllegalStateException("a tracking token that is not JSON: " + new String(token, StandardCharsets.UTF_8), unreadable);
        }
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

package org.roundtable.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Reads a service's Axon event store ({@code domain_event_entry}) so a test can see what a command stored, or that it stored nothing. */
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
}

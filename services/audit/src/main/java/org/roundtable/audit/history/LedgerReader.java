package org.roundtable.audit.history;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Reads the ledger ({@code ledger_entry}) for the auditor views, in the order things happened: by {@code occurred_at},
 * then by ledger position. It only reads; the ledger is written elsewhere.
 */
@Repository
public class LedgerReader {

    private static final String COLUMNS = """
            e.position, e.event_id, e.source, e.type, e.event_name, e.subject, e.actor_id, e.actor_role, e.actor_name,
            e.occurred_at, e.payload""";

    /**
     * A proposal, its decision cases and its initiatives: entries keyed by one of them, or naming one of them in the
     * payload. Cases and initiatives are found through the events that opened them for the proposal.
     */
    private static final String ABOUT_PROPOSAL = """
            with related(id) as (
                select :proposalId
                union
                select payload::jsonb ->> 'caseId' from ledger_entry
                 where event_name = 'DecisionCaseOpened' and payload::jsonb ->> 'proposalId' = :proposalId
                union
                select payload::jsonb ->> 'initiativeId' from ledger_entry
                 where event_name = 'InitiativeStarted' and payload::jsonb ->> 'proposalId' = :proposalId)
            select %s from ledger_entry e
             where (e.subject in (select id from related)
                    or e.payload::jsonb ->> 'proposalId' = :proposalId
                    or e.payload::jsonb ->> 'caseId' in (select id from related)
                    or e.payload::jsonb ->> 'initiativeId' in (select id from related))
               %s
             order by e.occurred_at, e.position""";

    private static final String NAMED = """
            select %s from ledger_entry e
             where e.event_name in (:names)
               %s
             order by e.occurred_at, e.position""";

    private final NamedParameterJdbcTemplate jdbc;

    public LedgerReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every entry about the proposal (see above). */
    public List<RecordedEvent> aboutProposal(String proposalId) {
        return jdbc.query(ABOUT_PROPOSAL.formatted(COLUMNS, ""), new MapSqlParameterSource("proposalId", proposalId), ROWS);
    }

    /** The entries about the proposal that had happened at the instant: {@code occurred_at <= at}. */
    public List<RecordedEvent> aboutProposalAsOf(String proposalId, Instant at) {
        return jdbc.query(ABOUT_PROPOSAL.formatted(COLUMNS, "and e.occurred_at <= :at"),
                new MapSqlParameterSource("proposalId", proposalId).addValue("at", Timestamp.from(at)), ROWS);
    }

    /** The entries with the given event names that happened before {@code before} (every one when it is {@code null}). */
    public List<RecordedEvent> named(Collection<String> eventNames, Instant before) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("names", eventNames);
        if (before == null) {
            return jdbc.query(NAMED.formatted(COLUMNS, ""), parameters, ROWS);
        }
        return jdbc.query(NAMED.formatted(COLUMNS, "and e.occurred_at < :before"),
                parameters.addValue("before", Timestamp.from(before)), ROWS);
    }

    private static final RowMapper<RecordedEvent> ROWS = (row, number) -> {
        String type = row.getString("type");
        return new RecordedEvent(row.getLong("position"), row.getString("event_id"), row.getString("source"), type,
                row.getString("event_name"), row.getString("subject"), row.getString("actor_id"), row.getString("actor_role"),
                row.getString("actor_name"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                EventPayloads.read(type, row.getString("payload")).orElse(null));
    };
}

package org.roundtable.audit.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.roundtable.events.EventJson;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Reads the ledger ({@code ledger_entry}) for the auditor views, in the order things happened: by {@code occurred_at},
 * then by ledger position. It only reads; the ledger is written elsewhere.
 *
 * <p>A proposal's entries are those keyed by the proposal, its decision cases or its initiatives, or naming one of them
 * in the payload ({@code proposalId}, {@code caseId}, {@code initiativeId}). A payload is parsed as JSON only when its
 * text contains one of those ids, so that following a proposal does not parse the whole ledger.
 */
@Repository
public class LedgerReader {

    private static final ObjectMapper JSON = EventJson.newMapper();

    private static final String COLUMNS = """
            e.position, e.event_id, e.source, e.type, e.event_name, e.subject, e.actor_id, e.actor_role, e.actor_name,
            e.occurred_at, e.payload""";

    /** The cases and initiatives opened for a proposal. */
    private static final String OPENED_FOR_PROPOSAL = """
            select payload_json ->> (case event_name when 'DecisionCaseOpened' then 'caseId' else 'initiativeId' end)
              from ledger_entry
             where event_name in ('DecisionCaseOpened', 'InitiativeStarted')
               and strpos(payload, :mention0) > 0
               and payload_json ->> 'proposalId' = :proposalId""";

    private static final String ABOUT = """
            select %s from ledger_entry e
             where (e.subject in (:related)
                    or ((%s)
                        and (e.payload_json ->> 'proposalId' = :proposalId
                             or e.payload_json ->> 'caseId' in (:related)
                             or e.payload_json ->> 'initiativeId' in (:related))))
               %s
             order by e.occurred_at, e.position""";

    private static final String NAMED = """
            select %s from ledger_entry e
             where e.event_name in (:names)
               %s
             order by e.occurred_at, e.position""";

    private static final String NAMED_ABOUT = """
            select %s from ledger_entry e
             where e.subject = any(:subjects)
               and e.event_name in (:names)
             order by e.occurred_at, e.position""".formatted(COLUMNS);

    private static final RowMapper<RecordedEvent> ROWS = (row, number) -> {
        String type = row.getString("type");
        return new RecordedEvent(row.getLong("position"), row.getString("event_id"), row.getString("source"), type,
                row.getString("event_name"), row.getString("subject"), row.getString("actor_id"), row.getString("actor_role"),
                row.getString("actor_name"), row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                EventPayloads.read(type, row.getString("payload")).orElse(null));
    };

    private static final RowMapper<CausedEntry> CAUSED = (row, number) ->
            new CausedEntry(ROWS.mapRow(row, number), row.getString("causation_id"));

    private final NamedParameterJdbcTemplate jdbc;

    public LedgerReader(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every entry about the proposal (see above). */
    public List<RecordedEvent> aboutProposal(String proposalId) {
        return about(proposalId, null);
    }

    /** The entries about the proposal that had happened at the instant: {@code occurred_at <= at}. */
    public List<RecordedEvent> aboutProposalAsOf(String proposalId, Instant at) {
        return about(proposalId, Objects.requireNonNull(at, "at"));
    }

    /** The entries with the given event names that happened before {@code before} (every one when it is {@code null}). */
    public List<RecordedEvent> named(Collection<String> eventNames, Instant before) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("names", eventNames);
        if (before == null) {
            return jdbc.query(NAMED.formatted(COLUMNS, ""), parameters, ROWS);
        }
        return jdbc.query(NAMED.formatted(COLUMNS, "and e.occurred_at < :before"),
                parameters.addValue("before", before.atOffset(ZoneOffset.UTC)), ROWS);
    }

    /** The entries with the given event names about any of the given subjects (ids), in the order they happened. */
    public List<RecordedEvent> namedAbout(Collection<String> eventNames, Set<String> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return jdbc.query(NAMED_ABOUT, new MapSqlParameterSource("names", eventNames)
                .addValue("subjects", subjects.toArray(String[]::new)), ROWS);
    }

    /** Up to {@code limit} entries after the position, in ledger order (the order they were appended). */
    public List<RecordedEvent> after(long position, int limit) {
        return jdbc.query("select " + COLUMNS + " from ledger_entry e where e.position > :position order by e.position limit :limit",
                new MapSqlParameterSource("position", position).addValue("limit", limit), ROWS);
    }

    /** The position of the last entry (0 for an empty ledger). */
    public long lastPosition() {
        Long last = jdbc.getJdbcTemplate().queryForObject("select coalesce(max(position), 0) from ledger_entry", Long.class);
        return last == null ? 0 : last;
    }

    /** The latest entries a person acted in, newest first, at most {@code limit}. */
    public List<RecordedEvent> actedBy(String actorId, int limit) {
        return jdbc.query("select " + COLUMNS + " from ledger_entry e where e.actor_id = :actor order by e.position desc limit :limit",
                new MapSqlParameterSource("actor", actorId).addValue("limit", limit), ROWS);
    }

    /** An entry and the id of what caused it: another entry's event id, or the id of a request. */
    public record CausedEntry(RecordedEvent entry, String causationId) {
    }

    /** The entry of the event with this id. */
    public java.util.Optional<CausedEntry> event(String eventId) {
        return jdbc.query("select " + COLUMNS + ", e.causation_id from ledger_entry e where e.event_id = :id",
                new MapSqlParameterSource("id", eventId), CAUSED).stream().findFirst();
    }

    /** The entries whose causation id is this id (an event's or a request's), in ledger order. */
    public List<CausedEntry> causedBy(String id) {
        return jdbc.query("select " + COLUMNS + ", e.causation_id from ledger_entry e where e.causation_id = :id order by e.position",
                new MapSqlParameterSource("id", id), CAUSED);
    }

    /** The first entry about the subject (the event that brought the aggregate into being), by ledger position. */
    public java.util.Optional<CausedEntry> firstAbout(String subject) {
        return jdbc.query("select " + COLUMNS + ", e.causation_id from ledger_entry e where e.subject = :subject "
                        + "order by e.sequence nulls last, e.position limit 1",
                new MapSqlParameterSource("subject", subject), CAUSED).stream().findFirst();
    }

    private List<RecordedEvent> about(String proposalId, Instant at) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("proposalId", proposalId)
                .addValue("mention0", mention(proposalId));
        Set<String> related = new LinkedHashSet<>();
        related.add(proposalId);
        jdbc.queryForList(OPENED_FOR_PROPOSAL, parameters, String.class).stream().filter(Objects::nonNull).forEach(related::add);
        List<String> ids = new ArrayList<>(related);
        for (int i = 0; i < ids.size(); i++) {
            parameters.addValue("mention" + i, mention(ids.get(i)));
        }
        String mentions = IntStream.range(0, ids.size()).mapToObj(i -> "strpos(e.payload, :mention" + i + ") > 0")
                .collect(Collectors.joining(" or "));
        parameters.addValue("related", ids);
        String upTo = "";
        if (at != null) {
            upTo = "and e.occurred_at <= :at";
            parameters.addValue("at", at.atOffset(ZoneOffset.UTC));
        }
        return jdbc.query(ABOUT.formatted(COLUMNS, mentions, upTo), parameters, ROWS);
    }

    /** An id as it appears inside a JSON string in the payload: escaped where JSON requires it. */
    private static String mention(String id) {
        try {
            String quoted = JSON.writeValueAsString(id);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalArgumentException(unwritable);
        }
    }
}

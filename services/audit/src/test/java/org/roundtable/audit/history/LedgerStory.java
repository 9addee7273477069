package org.roundtable.audit.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.roundtable.events.EventJson;
import org.roundtable.events.EventType;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hand-built ledger entries for the views' unit tests: each event is written as the published JSON and read back the
 * way the ledger reader reads it, attributed to the current actor at the given instant, in order.
 */
public final class LedgerStory {

    private static final ObjectMapper JSON = EventJson.newMapper();

    private final List<RecordedEvent> entries = new ArrayList<>();
    private String actorId;
    private Role role;
    private String name;
    private Duration shift = Duration.ZERO;

    /** Moves every instant given from now on by {@code shift}. */
    public LedgerStory shiftedBy(Duration shift) {
        this.shift = shift;
        return this;
    }

    public LedgerStory by(String actorId, Role role) {
        return by(actorId, role, null);
    }

    /** The actor of the entries that follow; {@code name} only where they consented to be named. */
    public LedgerStory by(String actorId, Role role, String name) {
        this.actorId = actorId;
        this.role = role;
        this.name = name;
        return this;
    }

    public LedgerStory at(String instant, IntegrationEvent event) {
        EventType type = RoundtableEvents.CATALOG.typeOf(event.getClass());
        return entry(instant, type.value(), type.name(), subjectOf(event), write(event));
    }

    /** An entry of a type this version of the published language does not know. */
    public LedgerStory unknownAt(String instant, String type, String subject, String payload) {
        String name = type.replaceAll("^.*\\.([A-Za-z0-9]+)\\.v[0-9]+$", "$1");
        return entry(instant, type, name, subject, payload);
    }

    public List<RecordedEvent> entries() {
        return List.copyOf(entries);
    }

    private LedgerStory entry(String instant, String type, String eventName, String subject, String payload) {
        String source = type.startsWith("org.roundtable.") ? type.split("\\.")[2] : "unknown";
        entries.add(new RecordedEvent(entries.size() + 1L, UUID.randomUUID().toString(), source, type, eventName, subject,
                actorId, role == null ? null : role.name(), name, Instant.parse(instant).plus(shift),
                EventPayloads.read(type, payload).orElse(null)));
        return this;
    }

    /** The aggregate an event belongs to is its first id: proposalId, caseId, fundId, initiativeId, participantId. */
    private static String subjectOf(IntegrationEvent event) {
        RecordComponent first = event.getClass().getRecordComponents()[0];
        try {
            return String.valueOf(first.getAccessor().invoke(event));
        } catch (ReflectiveOperationException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String write(IntegrationEvent event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException unwritable) {
            throw new IllegalStateException(unwritable);
        }
    }
}

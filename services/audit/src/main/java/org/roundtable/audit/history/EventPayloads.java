package org.roundtable.audit.history;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.roundtable.events.EventJson;
import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.RoundtableEvents;

import java.util.Optional;

/**
 * Reads ledger payloads into the published records with the published language's own JSON mapping, so the views
 * speak of the same {@code VoteCast} the services published. A type the catalog does not know, or a payload that
 * does not fit its record, reads as nothing; the views count such entries instead of guessing at them.
 */
public final class EventPayloads {

    private static final ObjectMapper JSON = EventJson.newMapper();

    private EventPayloads() {
    }

    public static Optional<IntegrationEvent> read(String type, String payload) {
        Optional<Class<? extends IntegrationEvent>> eventClass = RoundtableEvents.CATALOG.classOf(type);
        if (eventClass.isEmpty() || payload == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(payload, eventClass.get()));
        } catch (JacksonException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}

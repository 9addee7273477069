package org.roundtable.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An integration event with everything needed to trace it: which stored event it is, who caused it, what it
 * belongs to and where it sits in its aggregate's history.
 *
 * @param id            the stored event's id, unique across the platform
 * @param type          the CloudEvents type
 * @param subject       the aggregate id; also the Kafka record key
 * @param time          when the event was stored
 * @param actor         who acted, and in which role
 * @param correlationId the id shared by everything one request set in motion
 * @param causationId   the id of the message that directly caused this event ({@code null} for none)
 * @param sequence      the event's sequence number within its aggregate ({@code null} outside an aggregate)
 * @param data          the event record
 */
public record EventEnvelope(String id,
                            EventType type,
                            String subject,
                            Instant time,
                            Actor actor,
                            String correlationId,
                            String causationId,
                            Long sequence,
                            IntegrationEvent data) {

    public EventEnvelope {
        requireText(id, "id");
        Objects.requireNonNull(type, "type is missing");
        requireText(subject, "subject");
        Objects.requireNonNull(time, "time is missing");
        Objects.requireNonNull(actor, "actor is missing");
        requireText(correlationId, "correlationId");
        Objects.requireNonNull(data, "data is missing");
    }

    public Source source() {
        return type.source();
    }

    public String topic() {
        return type.source().topic();
    }

    public <T extends IntegrationEvent> T dataAs(Class<T> eventClass) {
        return eventClass.cast(data);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing");
        }
    }
}

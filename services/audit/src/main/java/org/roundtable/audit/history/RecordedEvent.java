package org.roundtable.audit.history;

import org.roundtable.events.IntegrationEvent;

import java.time.Instant;
import java.util.Optional;

/**
 * One ledger entry as the auditor views read it: where it sits in the ledger, who acted in which role, when it
 * happened, and its payload read into the published record ({@code null} when the ledger holds a type this version
 * of the published language does not know, or a payload that does not fit its record).
 *
 * @param actorName the actor's name, present only where the person consented to be named
 */
public record RecordedEvent(long position,
                            String eventId,
                            String source,
                            String type,
                            String eventName,
                            String subject,
                            String actorId,
                            String actorRole,
                            String actorName,
                            Instant occurredAt,
                            IntegrationEvent data) {

    public boolean readable() {
        return data != null;
    }

    /** The payload as the given record, when it is one. */
    public <T extends IntegrationEvent> Optional<T> dataAs(Class<T> eventClass) {
        return eventClass.isInstance(data) ? Optional.of(eventClass.cast(data)) : Optional.empty();
    }
}

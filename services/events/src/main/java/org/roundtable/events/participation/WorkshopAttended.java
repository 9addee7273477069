package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** A co-designer marked a participant as having attended a workshop. */
@Published(source = Source.PARTICIPATION, version = 1)
public record WorkshopAttended(String proposalId, String workshopId, String participantId) implements IntegrationEvent {
}

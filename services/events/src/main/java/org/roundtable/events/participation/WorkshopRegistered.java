package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** A participant registered for a workshop. */
@Published(source = Source.PARTICIPATION, version = 1)
public record WorkshopRegistered(String proposalId, String workshopId, String participantId, String publicName) implements IntegrationEvent {
}

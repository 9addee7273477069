package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** A participant withdrew their endorsement; the endorsement stays in history. */
@Published(source = Source.PARTICIPATION, version = 1)
public record EndorsementWithdrawn(String proposalId, String participantId) implements IntegrationEvent {
}

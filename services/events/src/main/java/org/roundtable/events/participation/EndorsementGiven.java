package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** A participant supports a submitted proposal, saying what they care enough about to change. */
@Published(source = Source.PARTICIPATION, version = 1)
public record EndorsementGiven(String proposalId, String participantId, String publicName, String reason) implements IntegrationEvent {
}

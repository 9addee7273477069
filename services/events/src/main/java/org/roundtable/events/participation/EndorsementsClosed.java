package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** The proposal was decided or withdrawn: endorsements and pledges are closed. */
@Published(source = Source.PARTICIPATION, version = 1)
public record EndorsementsClosed(String proposalId, String reason) implements IntegrationEvent {
}

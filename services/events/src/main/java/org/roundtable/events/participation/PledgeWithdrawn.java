package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** A participant withdrew a pledge. */
@Published(source = Source.PARTICIPATION, version = 1)
public record PledgeWithdrawn(String proposalId, String pledgeId, String participantId) implements IntegrationEvent {
}

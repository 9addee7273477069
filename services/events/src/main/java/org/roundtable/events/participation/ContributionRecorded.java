package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** An idea contributed at a workshop, with its author. */
@Published(source = Source.PARTICIPATION, version = 1)
public record ContributionRecorded(String proposalId, String workshopId, String contributionId, String participantId, String publicName, String idea) implements IntegrationEvent {
}

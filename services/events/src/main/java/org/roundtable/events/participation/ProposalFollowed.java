package org.roundtable.events.participation;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** Participation learned of a drafted proposal (from the proposals topic): workshops can be held for it from now on. */
@Published(source = Source.PARTICIPATION, version = 1)
public record ProposalFollowed(String proposalId, String title, String serviceArea, String authorId) implements IntegrationEvent {
}

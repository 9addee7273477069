package org.roundtable.events.proposals;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** The author invited someone to co-design the proposal. */
@Published(source = Source.PROPOSALS, version = 1)
public record CoDesignerInvited(String proposalId, String inviteeId) implements IntegrationEvent {
}

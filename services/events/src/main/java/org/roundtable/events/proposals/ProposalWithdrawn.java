package org.roundtable.events.proposals;

import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** A co-designer withdrew the proposal while it was still open. */
@Published(source = Source.PROPOSALS, version = 1)
public record ProposalWithdrawn(String proposalId, String reason) implements ProposalStatusChange {
}

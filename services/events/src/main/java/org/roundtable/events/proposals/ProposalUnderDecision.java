package org.roundtable.events.proposals;

import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** A decision case was opened for the proposal. */
@Published(source = Source.PROPOSALS, version = 1)
public record ProposalUnderDecision(String proposalId, String caseId) implements ProposalStatusChange {
}

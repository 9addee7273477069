package org.roundtable.events.proposals;

import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** The decision of case {@code caseId} did not approve the proposal. */
@Published(source = Source.PROPOSALS, version = 1)
public record ProposalDeclined(String proposalId, String caseId) implements ProposalStatusChange {
}

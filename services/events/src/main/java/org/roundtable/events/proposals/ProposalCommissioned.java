package org.roundtable.events.proposals;

import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** The panel approved the proposal (the decision of case {@code caseId}); {@code allocated} is the money granted, if any. */
@Published(source = Source.PROPOSALS, version = 1)
public record ProposalCommissioned(String proposalId, String caseId, Money allocated)
        implements ProposalStatusChange {
}

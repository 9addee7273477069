package org.roundtable.events.proposals;

import org.roundtable.events.Published;
import org.roundtable.events.Role;
import org.roundtable.events.Source;

/** A citizen or staff member drafted a proposal; they are its author and first co-designer. Revision 1. */
@Published(source = Source.PROPOSALS, version = 1)
public record ProposalDrafted(String proposalId, String authorId, Role authorRole, ProposalContent content)
        implements ProposalStatusChange {
}

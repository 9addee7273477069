package org.roundtable.events.proposals;

import org.roundtable.events.Published;
import org.roundtable.events.Source;

import java.util.List;

/**
 * The proposal was submitted to commissioners, frozen at this revision. It carries the whole proposal as submitted
 * and everyone who shaped it, so other services know what was asked without asking.
 */
@Published(source = Source.PROPOSALS, version = 1)
public record ProposalSubmitted(String proposalId, int revision, ProposalContent content, List<CoDesigner> coDesigners)
        implements ProposalStatusChange {

    public ProposalSubmitted {
        coDesigners = coDesigners == null ? List.of() : List.copyOf(coDesigners);
    }
}

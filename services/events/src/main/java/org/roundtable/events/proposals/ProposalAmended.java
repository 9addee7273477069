package org.roundtable.events.proposals;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

/** A co-designer made a new revision; earlier revisions stay as they were. */
@Published(source = Source.PROPOSALS, version = 1)
public record ProposalAmended(String proposalId, int revision, ProposalContent content, String note)
        implements IntegrationEvent {
}

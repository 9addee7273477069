package org.roundtable.events.proposals;

import org.roundtable.events.IntegrationEvent;

/** A fact that puts a proposal in a status: the one {@link ProposalStatus#reachedBy} names. */
public interface ProposalStatusChange extends IntegrationEvent {

    String proposalId();
}

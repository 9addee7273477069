package org.roundtable.misplaced.query;

import org.axonframework.modelling.saga.SagaEventHandler;
import org.roundtable.events.proposals.ProposalSubmitted;

/** Misplaced on purpose: a process waiting for another service's events outside {@code integration/}, and no saga. */
public class Waiting {

    @SagaEventHandler(associationProperty = "proposalId")
    void on(ProposalSubmitted submitted) {
    }
}

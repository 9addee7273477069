package org.roundtable.outcomes.integration;

import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.kit.inbox.InboxHandler;
import org.springframework.stereotype.Component;

/** An approving decision starts the proposal's initiative, with the allocation as its funding. */
@Component
public class CommissioningEventsListener {

    private final ProposalsToInitiatives initiatives;

    CommissioningEventsListener(ProposalsToInitiatives initiatives) {
        this.initiatives = initiatives;
    }

    @InboxHandler
    void on(DecisionReached decision) {
        initiatives.decided(decision);
    }
}

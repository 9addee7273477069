package org.roundtable.outcomes.integration;

import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.kit.inbox.InboxHandler;
import org.springframework.stereotype.Component;

/**
 * A submitted proposal is frozen, so its submission says everything an initiative takes from it: title, service
 * area, intended outcomes and co-designers. Amendments happen only before submission and are not needed here.
 */
@Component
public class ProposalsEventsListener {

    private final ProposalsToInitiatives initiatives;

    ProposalsEventsListener(ProposalsToInitiatives initiatives) {
        this.initiatives = initiatives;
    }

    @InboxHandler
    void on(ProposalSubmitted submitted) {
        initiatives.submitted(submitted);
    }
}

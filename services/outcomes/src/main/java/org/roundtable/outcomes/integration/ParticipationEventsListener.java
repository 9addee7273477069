package org.roundtable.outcomes.integration;

import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.kit.inbox.InboxHandler;
import org.springframework.stereotype.Component;

/** Pledges made in participation become contributions the initiative expects; withdrawn ones are released. */
@Component
public class ParticipationEventsListener {

    private final ProposalsToInitiatives initiatives;

    ParticipationEventsListener(ProposalsToInitiatives initiatives) {
        this.initiatives = initiatives;
    }

    @InboxHandler
    void on(AssetPledged pledged) {
        initiatives.pledged(pledged);
    }

    @InboxHandler
    void on(PledgeWithdrawn withdrawn) {
        initiatives.withdrawn(withdrawn);
    }
}

package org.roundtable.commissioning.integration;

import org.roundtable.commissioning.query.WhatThePanelKnows;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.events.participation.EndorsementWithdrawn;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.kit.inbox.InboxHandler;
import org.springframework.stereotype.Component;

/** What citizens said and offered, as participation tells it, for the panel to see. */
@Component
public class ParticipationEventsListener {

    private final WhatThePanelKnows panelKnows;

    ParticipationEventsListener(WhatThePanelKnows panelKnows) {
        this.panelKnows = panelKnows;
    }

    @InboxHandler
    void on(EndorsementGiven given) {
        panelKnows.endorsed(given);
    }

    @InboxHandler
    void on(EndorsementWithdrawn withdrawn) {
        panelKnows.endorsementWithdrawn(withdrawn.proposalId(), withdrawn.participantId());
    }

    @InboxHandler
    void on(AssetPledged pledged) {
        panelKnows.pledged(pledged);
    }

    @InboxHandler
    void on(PledgeWithdrawn withdrawn) {
        panelKnows.pledgeWithdrawn(withdrawn.proposalId(), withdrawn.pledgeId());
    }
}

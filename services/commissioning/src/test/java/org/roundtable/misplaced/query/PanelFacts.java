package org.roundtable.misplaced.query;

import org.axonframework.eventhandling.EventHandler;
import org.roundtable.events.proposals.ProposalSubmitted;

/** Misplaced on purpose: facts from another service kept outside {@code foreign/}. */
public class PanelFacts {

    @EventHandler
    void on(ProposalSubmitted submitted) {
    }
}

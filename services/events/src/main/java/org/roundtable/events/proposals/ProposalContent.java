package org.roundtable.events.proposals;

import java.util.List;

/** One revision of what a proposal says. */
public record ProposalContent(String title,
                              String aspiration,
                              String serviceArea,
                              List<Asset> assets,
                              Ask ask,
                              List<String> intendedOutcomes) {

    public ProposalContent {
        assets = assets == null ? List.of() : List.copyOf(assets);
        intendedOutcomes = intendedOutcomes == null ? List.of() : List.copyOf(intendedOutcomes);
    }
}

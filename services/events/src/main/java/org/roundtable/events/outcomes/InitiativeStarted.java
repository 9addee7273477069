package org.roundtable.events.outcomes;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;
import org.roundtable.events.proposals.Money;

import java.util.List;

/**
 * A decision approved a proposal and its delivery began. The proposal's intended outcomes became draft indicators;
 * {@code funding} is the money the decision allocated, if any.
 */
@Published(source = Source.OUTCOMES, version = 1)
public record InitiativeStarted(String initiativeId, String proposalId, String caseId, String title, String serviceArea,
                                Money funding, List<DraftIndicator> indicators) implements IntegrationEvent {

    public InitiativeStarted {
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
    }
}

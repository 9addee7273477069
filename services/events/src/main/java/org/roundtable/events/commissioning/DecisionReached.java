package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

import java.util.List;

/**
 * A decision case was closed. It carries the outcome, the full roll of the panel (votes, rationales, recusals) and,
 * for an approval, the allocation from the fund.
 */
@Published(source = Source.COMMISSIONING, version = 1)
public record DecisionReached(String caseId, String proposalId, DecisionOutcome outcome, List<RollEntry> roll,
                              Allocation allocation) implements IntegrationEvent {

    public DecisionReached {
        roll = roll == null ? List.of() : List.copyOf(roll);
    }
}

package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

import java.util.List;

/**
 * A decision case was closed, by its chair or at its deadline. It carries the outcome, the full roll of the panel
 * (votes, rationales, recusals), for an approval the allocation from the fund, and a note on how it was reached.
 */
@Published(source = Source.COMMISSIONING, version = 1)
public record DecisionReached(String caseId, String proposalId, DecisionOutcome outcome, List<RollEntry> roll,
                              Allocation allocation, String note) implements IntegrationEvent {

    public DecisionReached {
        roll = roll == null ? List.of() : List.copyOf(roll);
    }
}

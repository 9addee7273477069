package org.roundtable.events.commissioning;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Published;
import org.roundtable.events.Source;

import java.util.List;

/**
 * A decision case was closed, by its chair or at its deadline (who closed it is the envelope's actor). It carries the
 * outcome, the proposal and service area decided on, the full roll of the panel (each member's role, last vote,
 * rationale, recusal and declared interest), for an approval the allocation from the fund, and a note on how it was
 * reached. {@link DecisionOutcome#NO_QUORUM} decides nothing: the case awaits a new panel. {@code fundHolderIds} are
 * the holders of the panel's fund when it was decided: with the panel members who were not recused, they manage what an
 * approval funded (empty for decisions stored before it was added).
 */
@Published(source = Source.COMMISSIONING, version = 1)
public record DecisionReached(String caseId, String proposalId, DecisionOutcome outcome, List<RollEntry> roll,
                              Allocation allocation, String note, String serviceArea, List<String> fundHolderIds)
        implements IntegrationEvent {

    public DecisionReached {
        roll = roll == null ? List.of() : List.copyOf(roll);
        fundHolderIds = fundHolderIds == null ? List.of() : List.copyOf(fundHolderIds);
    }

    /** A decision without its fund's holders. */
    public DecisionReached(String caseId, String proposalId, DecisionOutcome outcome, List<RollEntry> roll, Allocation allocation,
                           String note, String serviceArea) {
        this(caseId, proposalId, outcome, roll, allocation, note, serviceArea, List.of());
    }

    /** A decision without its service area, as first published. */
    public DecisionReached(String caseId, String proposalId, DecisionOutcome outcome, List<RollEntry> roll, Allocation allocation,
                           String note) {
        this(caseId, proposalId, outcome, roll, allocation, note, null, List.of());
    }
}

package org.roundtable.commissioning.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.proposals.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What commissioners, panel members and the platform ask of funds and decision cases. */
public final class CommissioningCommands {

    public record CreateFund(String fundId, String name, String serviceArea, LocalDate periodStart, LocalDate periodEnd, Money amount,
                             List<String> holderIds) {
    }

    /** The platform, on hearing that a proposal was submitted. */
    public record OpenDecisionCase(@TargetAggregateIdentifier String caseId, String proposalId, String title, String serviceArea,
                                   Money asked) {
    }

    public record AssemblePanel(@TargetAggregateIdentifier String caseId, String fundId, List<PanelMember> members, String chairId,
                                Instant deadline, Money amount) {
    }

    public record DeclareInterest(@TargetAggregateIdentifier String caseId, boolean hasInterest, String description) {
    }

    public record CastVote(@TargetAggregateIdentifier String caseId, Vote vote, String rationale) {
    }

    public record CloseDecisionCase(@TargetAggregateIdentifier String caseId) {
    }

    /** The platform, once the case's deadline has passed. */
    public record CloseAtDeadline(@TargetAggregateIdentifier String caseId) {
    }

    /** The platform, on hearing that the proposal was withdrawn; {@code reason} is the proposers' own, if they gave one. */
    public record CloseOnWithdrawal(@TargetAggregateIdentifier String caseId, String reason) {
    }

    private CommissioningCommands() {
    }
}

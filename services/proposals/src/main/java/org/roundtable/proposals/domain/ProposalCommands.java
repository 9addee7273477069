package org.roundtable.proposals.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.proposals.ProposalContent;

/** What people (and the platform) ask of a proposal. Who asks travels in the command's metadata. */
public final class ProposalCommands {

    public record DraftProposal(String proposalId, ProposalContent content) {
    }

    public record InviteCoDesigner(@TargetAggregateIdentifier String proposalId, String inviteeId) {
    }

    public record JoinAsCoDesigner(@TargetAggregateIdentifier String proposalId, String brings) {
    }

    public record AmendProposal(@TargetAggregateIdentifier String proposalId, ProposalContent content, String note) {
    }

    public record SubmitProposal(@TargetAggregateIdentifier String proposalId) {
    }

    public record WithdrawProposal(@TargetAggregateIdentifier String proposalId, String reason) {
    }

    /** The platform, on hearing that a decision case was opened. */
    public record MarkUnderDecision(@TargetAggregateIdentifier String proposalId, String caseId) {
    }

    /** The platform, on hearing that a decision was reached. */
    public record RecordDecision(@TargetAggregateIdentifier String proposalId, String caseId, DecisionOutcome outcome,
                                 Allocation allocation) {
    }

    private ProposalCommands() {
    }
}

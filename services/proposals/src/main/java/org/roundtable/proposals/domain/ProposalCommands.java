package org.roundtable.proposals.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.roundtable.events.Role;
import org.roundtable.kit.authority.Authority;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.proposals.ProposalContent;

/** What people (and the platform) ask of a proposal. Who asks travels in the command's metadata. */
public final class ProposalCommands {

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "become its author and first co-designer")
    public record DraftProposal(String proposalId, ProposalContent content) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "are the proposal's author, while it is a draft")
    public record InviteCoDesigner(@TargetAggregateIdentifier String proposalId, String inviteeId) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "were invited by the author, while it is a draft")
    public record JoinAsCoDesigner(@TargetAggregateIdentifier String proposalId, String brings) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "co-design the proposal, while it is a draft")
    public record AmendProposal(@TargetAggregateIdentifier String proposalId, ProposalContent content, String note) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "co-design the proposal")
    public record SubmitProposal(@TargetAggregateIdentifier String proposalId) {
    }

    @Authority(roles = {Role.CITIZEN, Role.STAFF}, relationship = "co-design the proposal")
    public record WithdrawProposal(@TargetAggregateIdentifier String proposalId, String reason) {
    }

    /** The platform, on hearing that a decision case was opened. */
    @Authority(roles = Role.SYSTEM, relationship = "are the platform, on hearing that a decision case was opened")
    public record MarkUnderDecision(@TargetAggregateIdentifier String proposalId, String caseId) {
    }

    /** The platform, on hearing that a decision was reached. */
    @Authority(roles = Role.SYSTEM, relationship = "are the platform, on hearing that a decision was reached")
    public record RecordDecision(@TargetAggregateIdentifier String proposalId, String caseId, DecisionOutcome outcome,
                                 Allocation allocation) {
    }

    private ProposalCommands() {
    }
}

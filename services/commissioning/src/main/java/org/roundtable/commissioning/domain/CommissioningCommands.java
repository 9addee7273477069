package org.roundtable.commissioning.domain;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.roundtable.events.Role;
import org.roundtable.kit.authority.Authority;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.Vote;
import org.roundtable.events.proposals.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What commissioners, panel members and the platform ask of funds and decision cases. */
public final class CommissioningCommands {

    @Authority(roles = Role.COMMISSIONER, relationship = "become one of its holders")
    public record CreateFund(String fundId, String name, String serviceArea, LocalDate periodStart, LocalDate periodEnd, Money amount,
                             List<String> holderIds) {
    }

    /** The platform, on hearing that a proposal was submitted. */
    @Authority(roles = Role.SYSTEM, relationship = "are the platform, on hearing that a proposal was submitted")
    public record OpenDecisionCase(@TargetAggregateIdentifier String caseId, String proposalId, String title, String serviceArea,
                                   Money asked) {
    }

    @Authority(roles = Role.COMMISSIONER, relationship = "hold the fund the panel draws on")
    public record AssemblePanel(@TargetAggregateIdentifier String caseId, String fundId, List<PanelMember> members, String chairId,
                                Instant deadline, Money amount) {
    }

    /** {@code changeReason} is needed, and only then, when the member declared on this proposal before. */
    @Authority(roles = {Role.COMMISSIONER, Role.CITIZEN, Role.STAFF},
            relationship = "sit on the case's panel, acting in the role they sit in; a declaration made on the proposal before, "
                    + "at any sitting, changes only with a reason, which is recorded")
    public record DeclareInterest(@TargetAggregateIdentifier String caseId, boolean hasInterest, String description,
                                  String changeReason) {
    }

    @Authority(roles = {Role.COMMISSIONER, Role.CITIZEN, Role.STAFF},
            relationship = "sit on the case's panel in that role and have declared no interest in the proposal")
    public record CastVote(@TargetAggregateIdentifier String caseId, Vote vote, String rationale) {
    }

    /** {@code reason} is needed only to close without quorum before the deadline. */
    @Authority(roles = {Role.COMMISSIONER, Role.CITIZEN, Role.STAFF},
            relationship = "chair the panel; without quorum, only once the deadline has passed or with a reason, which is recorded")
    public record CloseDecisionCase(@TargetAggregateIdentifier String caseId, String reason) {
    }

    /** The platform, once the case's deadline has passed. */
    @Authority(roles = Role.SYSTEM, relationship = "are the platform, once the case's deadline has passed")
    public record CloseAtDeadline(@TargetAggregateIdentifier String caseId) {
    }

    /** The platform, on hearing that the proposal was withdrawn; {@code reason} is the proposers' own, if they gave one. */
    @Authority(roles = Role.SYSTEM, relationship = "are the platform, on hearing that the proposal was withdrawn")
    public record CloseOnWithdrawal(@TargetAggregateIdentifier String caseId, String reason) {
    }

    private CommissioningCommands() {
    }
}

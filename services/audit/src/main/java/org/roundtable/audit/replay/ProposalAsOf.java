package org.roundtable.audit.replay;

import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.RollEntry;
import org.roundtable.events.outcomes.Direction;
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalContent;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A proposal as it stood at an instant, rebuilt only from the ledger entries that had happened by then: the proposal,
 * its endorsements, its decision case (the votes cast so far) and its initiative. A part that did not exist yet is
 * {@code null}.
 *
 * @param entriesApplied the ledger entries the state was rebuilt from
 * @param skippedEntries entries up to the instant that this version of the published language cannot read
 */
public record ProposalAsOf(String proposalId, Instant asOf, int entriesApplied, int skippedEntries,
                           Proposal proposal, Endorsements endorsements, DecisionCase decisionCase, Initiative initiative) {

    /** The proposal: its status, the revision in force, and who shaped it. */
    public record Proposal(String status, int revision, String title, String serviceArea, ProposalContent content,
                           String authorId, List<CoDesigner> coDesigners, List<String> invited, String withdrawalReason,
                           Instant lastChangedAt) {
    }

    /** Who supports the proposal: withdrawn endorsements no longer count, but are listed. */
    public record Endorsements(boolean open, int count, List<Endorsement> current, List<Withdrawal> withdrawn) {
    }

    /** @param publicName the endorser's public name: their own with consent, otherwise their pseudonym */
    public record Endorsement(String participantId, String publicName, String reason, Instant endorsedAt) {
    }

    public record Withdrawal(String participantId, String reason, Instant endorsedAt, Instant withdrawnAt) {
    }

    /**
     * The decision case: the panel now sitting, the declarations and votes as they stood, and the decision once reached.
     * A decision without quorum ends a sitting and the case awaits a new panel; earlier sittings are kept.
     *
     * @param status {@code AWAITING_PANEL} (no panel yet, or the last one ended without quorum), {@code SITTING},
     *               {@code DECIDED} (approved or rejected) or {@code CLOSED} (closed without a decision, e.g. withdrawn)
     */
    public record DecisionCase(String caseId, String title, String serviceArea, Money asked, Instant openedAt, String status,
                               Sitting sitting, List<Sitting> earlierSittings) {
    }

    /** One panel round the table, from its assembly to its decision. */
    public record Sitting(Panel panel, List<Declaration> declarations, List<Ballot> votes, Decision decision) {
    }

    public record Panel(List<PanelMember> members, String chairId, Instant deadline, String fundId, Money amount,
                        String assembledBy, Instant assembledAt) {
    }

    public record Declaration(String memberId, String role, boolean hasInterest, String description, boolean recused,
                              Instant declaredAt) {
    }

    /** A member's vote as it stood, with the votes it replaced, oldest first. */
    public record Ballot(String memberId, String role, String vote, String rationale, Instant castAt, List<EarlierVote> earlier) {
    }

    public record EarlierVote(String vote, String rationale, Instant castAt) {
    }

    public record Decision(String outcome, List<RollEntry> roll, Allocation allocation, String note, String closedBy,
                           String closedByRole, Instant decidedAt) {
    }

    /** The initiative delivering the proposal: its indicators with their latest readings, and its reviews. */
    public record Initiative(String initiativeId, String caseId, String title, String serviceArea, Money funding,
                             String providerId, String providerName, List<LocalDate> reviewDates, List<Indicator> indicators,
                             List<Review> reviews, String latestStatus, BigDecimal hoursMobilised, Instant startedAt) {
    }

    public record Indicator(String indicatorId, String name, String unit, BigDecimal baseline, BigDecimal target,
                            Direction direction, Reading latestReading) {
    }

    public record Reading(BigDecimal value, LocalDate observedOn, LocalDate reportedOn, String reportId,
                          boolean livedExperience, String narrative) {
    }

    public record Review(String status, String reason, String overrideReason, String reviewerId, Instant reviewedAt) {
    }
}

package org.roundtable.audit.history;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.commissioning.Allocation;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.outcomes.AssetsMobilised;
import org.roundtable.events.outcomes.ContributionExpected;
import org.roundtable.events.outcomes.ContributionReleased;
import org.roundtable.events.outcomes.IndicatorDefined;
import org.roundtable.events.outcomes.InitiativeReviewed;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.outcomes.ProgressReported;
import org.roundtable.events.outcomes.ProviderAssigned;
import org.roundtable.events.outcomes.ReviewDatesScheduled;
import org.roundtable.events.participation.AssetPledged;
import org.roundtable.events.participation.CoDesignerRecognised;
import org.roundtable.events.participation.ContributionRecorded;
import org.roundtable.events.participation.EndorsementGiven;
import org.roundtable.events.participation.EndorsementWithdrawn;
import org.roundtable.events.participation.EndorsementsClosed;
import org.roundtable.events.participation.EndorsementsOpened;
import org.roundtable.events.participation.PledgeWithdrawn;
import org.roundtable.events.participation.ProfileCorrected;
import org.roundtable.events.participation.ProfileRegistered;
import org.roundtable.events.participation.ProposalFollowed;
import org.roundtable.events.participation.WorkshopAttended;
import org.roundtable.events.participation.WorkshopRegistered;
import org.roundtable.events.participation.WorkshopScheduled;
import org.roundtable.events.proposals.CoDesignerInvited;
import org.roundtable.events.proposals.CoDesignerJoined;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalAmended;
import org.roundtable.events.proposals.ProposalCommissioned;
import org.roundtable.events.proposals.ProposalDeclined;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.proposals.ProposalUnderDecision;
import org.roundtable.events.proposals.ProposalWithdrawn;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The auditor's words for each published event: a one-line description of what happened, and the reason the actor
 * gave where the event carries one (a rationale, a reason, a note, a narrative). Every event type of the catalog is
 * described; the types that carry no reason say so.
 */
public final class Narration {

    private Narration() {
    }

    /** What the auditor says of each event, in one line, with things and people called by the given labels. */
    private static final EventRegistry<Labels, String> DESCRIBED = EventRegistry.<Labels, String>of("the narration")
            .answers(ProposalDrafted.class, (labels, drafted) -> "Drafted the proposal '" + drafted.content().title() + "' for "
                    + drafted.content().serviceArea() + " as " + drafted.authorRole() + " (revision 1)")
            .answers(CoDesignerInvited.class, (labels, invited) -> "Invited " + labels.person(invited.inviteeId()) + " to co-design")
            .answers(CoDesignerJoined.class, (labels, joined) -> labels.person(joined.coDesigner().participantId())
                    + " joined as co-designer (" + joined.coDesigner().role() + ")"
                    + (joined.coDesigner().brings() == null ? "" : ", bringing: " + joined.coDesigner().brings()))
            .reads(ProposalAmended.class, amended -> "Amended the proposal to revision " + amended.revision() + ": '" + amended.content().title() + "'")
            .reads(ProposalSubmitted.class, submitted -> "Submitted revision " + submitted.revision() + " with "
                    + Labels.count(submitted.coDesigners().size(), "co-designer"))
            .reads(ProposalWithdrawn.class, withdrawn -> "Withdrew the proposal")
            .reads(ProposalUnderDecision.class, underDecision -> "The proposal went under decision")
            .reads(ProposalCommissioned.class, commissioned -> "The proposal was commissioned by the panel's decision"
                    + (commissioned.allocated() == null ? "" : ", allocating " + money(commissioned.allocated())))
            .reads(ProposalDeclined.class, declined -> "The proposal was declined by the panel's decision")
            .reads(ProposalFollowed.class, followed -> "Participation began following the proposal: workshops can be held for it")
            .answers(CoDesignerRecognised.class, (labels, recognised) -> "Participation recognised " + labels.person(recognised.participantId())
                    + " as co-designer")
            .reads(EndorsementsOpened.class, opened -> "Endorsements and pledges opened")
            .reads(EndorsementsClosed.class, closed -> "Endorsements and pledges closed")
            .answers(EndorsementGiven.class, (labels, given) -> labels.person(given.participantId()) + " endorsed the proposal")
            .answers(EndorsementWithdrawn.class, (labels, withdrawn) -> labels.person(withdrawn.participantId()) + " withdrew their endorsement")
            .answers(AssetPledged.class, (labels, pledged) -> labels.person(pledged.participantId()) + " pledged " + pledged.kind() + ": "
                    + pledged.description() + (pledged.hoursPerMonth() == null ? "" : " (" + pledged.hoursPerMonth() + " hours a month)"))
            .answers(PledgeWithdrawn.class, (labels, withdrawn) -> labels.person(withdrawn.participantId()) + " withdrew a pledge")
            .reads(WorkshopScheduled.class, scheduled -> "Scheduled the workshop '" + scheduled.title() + "' at " + scheduled.startsAt()
                    + (scheduled.online() ? " online" : scheduled.place() == null ? "" : " in " + scheduled.place()))
            .answers(WorkshopRegistered.class, (labels, registered) -> labels.person(registered.participantId()) + " registered for "
                    + labels.workshop(registered.workshopId()))
            .answers(WorkshopAttended.class, (labels, attended) -> labels.person(attended.participantId()) + " attended "
                    + labels.workshop(attended.workshopId()))
            .answers(ContributionRecorded.class, (labels, contribution) -> labels.person(contribution.participantId()) + " contributed at "
                    + labels.workshop(contribution.workshopId()) + ": " + contribution.idea())
            .answers(ProfileRegistered.class, (labels, registered) -> labels.person(registered.participantId()) + " registered a profile")
            .answers(ProfileCorrected.class, (labels, corrected) -> labels.person(corrected.participantId()) + " corrected their profile")
            .reads(DecisionCaseOpened.class, opened -> "A decision case opened for '" + opened.title() + "' (" + opened.serviceArea() + ")"
                    + (opened.asked() == null ? "" : ", asking " + money(opened.asked())))
            .answers(PanelAssembled.class, Narration::panel)
            .answers(InterestDeclared.class, Narration::declaration)
            .answers(VoteCast.class, (labels, vote) -> labels.person(vote.memberId()) + " voted " + vote.vote())
            .answers(DecisionReached.class, Narration::decision)
            .answers(FundCreated.class, (labels, fund) -> "Created the fund '" + fund.name() + "' for " + fund.serviceArea() + ", "
                    + money(fund.amount()) + " from " + fund.periodStart() + " to " + fund.periodEnd() + ", held by "
                    + String.join(", ", fund.holderIds().stream().map(labels::person).toList()))
            .answers(FundsAllocated.class, (labels, allocated) -> "Allocated " + money(allocated.amount()) + " from "
                    + labels.fund(allocated.fundId()) + " (" + money(allocated.remaining()) + " remain)")
            .reads(InitiativeStarted.class, started -> "The initiative '" + started.title() + "' started with "
                    + Labels.count(started.indicators().size(), "draft indicator")
                    + (started.funding() == null ? "" : " and " + money(started.funding())))
            .reads(ProviderAssigned.class, provider -> "Assigned the provider "
                    + (provider.providerName() == null ? provider.providerId() : provider.providerName()))
            .reads(IndicatorDefined.class, indicator -> "Defined the indicator '" + indicator.name() + "': from " + plain(indicator.baseline())
                    + " to " + plain(indicator.target()) + " " + indicator.unit() + " (" + indicator.direction() + ")")
            .reads(ReviewDatesScheduled.class, scheduled -> "Scheduled reviews on " + scheduled.reviewDates())
            .answers(ProgressReported.class, (labels, progress) -> (progress.livedExperience() ? "Reported lived experience" : "Reported progress")
                    + " on " + (progress.readings().size() == 1 ? labels.indicator(progress.readings().get(0).indicatorId())
                    : Labels.count(progress.readings().size(), "indicator")) + ", observed on " + progress.observedOn())
            .answers(ContributionExpected.class, (labels, expected) -> "Expecting " + labels.person(expected.participantId()) + "'s pledged "
                    + expected.kind() + ": " + expected.description())
            .reads(ContributionReleased.class, released -> "A pledged contribution is no longer expected")
            .answers(AssetsMobilised.class, (labels, mobilised) -> (mobilised.participantId() == null ? "Someone" : labels.person(mobilised.participantId()))
                    + " gave " + mobilised.kind() + ": " + mobilised.description() + (mobilised.hours() == null ? "" : " (" + plain(mobilised.hours()) + " hours)"))
            .reads(InitiativeReviewed.class, reviewed -> "Reviewed the initiative: " + reviewed.status())
            .against(RoundtableEvents.CATALOG);

    /** The reason an event gives for what its actor did. */
    private static final EventRegistry<Void, String> REASONS = EventRegistry.<Void, String>of("the narration's reasons")
            .reads(VoteCast.class, VoteCast::rationale)
            .reads(ProposalAmended.class, ProposalAmended::note)
            .reads(ProposalWithdrawn.class, ProposalWithdrawn::reason)
            .reads(EndorsementGiven.class, EndorsementGiven::reason)
            .reads(EndorsementsClosed.class, EndorsementsClosed::reason)
            .reads(InterestDeclared.class, declared -> declared.hasInterest() ? declared.description() : null)
            .reads(DecisionReached.class, DecisionReached::note)
            .reads(ProgressReported.class, ProgressReported::narrative)
            .reads(InitiativeReviewed.class, reviewed -> reviewed.overrideReason() == null ? reviewed.reason()
                    : reviewed.reason() + " (declared achieved although not every target was met: " + reviewed.overrideReason() + ")")
            .reads(CoDesignerJoined.class, joined -> joined.coDesigner().brings())
            .ignores("a proposal's draft, submission and outcome carry no reason beyond their content",
                    ProposalDrafted.class, ProposalSubmitted.class, ProposalUnderDecision.class, ProposalCommissioned.class,
                    ProposalDeclined.class)
            .ignores("an invitation carries no reason", CoDesignerInvited.class)
            .ignores("participation's own bookkeeping carries no reason", ProposalFollowed.class, CoDesignerRecognised.class,
                    EndorsementsOpened.class, ProfileRegistered.class, ProfileCorrected.class)
            .ignores("withdrawing an endorsement or a pledge carries no reason", EndorsementWithdrawn.class, PledgeWithdrawn.class)
            .ignores("a pledge's description is what it offers, told in its description, not a reason", AssetPledged.class)
            .ignores("a workshop's schedule, registration and attendance carry no reason", WorkshopScheduled.class,
                    WorkshopRegistered.class, WorkshopAttended.class)
            .ignores("a workshop contribution's idea is told in its description", ContributionRecorded.class)
            .ignores("opening a case, assembling a panel, creating and allocating funds carry no reason", DecisionCaseOpened.class,
                    PanelAssembled.class, FundCreated.class, FundsAllocated.class)
            .ignores("setting up an initiative carries no reason", InitiativeStarted.class, ProviderAssigned.class, IndicatorDefined.class,
                    ReviewDatesScheduled.class)
            .ignores("an expected, released or mobilised contribution is told in its description", ContributionExpected.class,
                    ContributionReleased.class, AssetsMobilised.class)
            .against(RoundtableEvents.CATALOG);

    public static String describe(IntegrationEvent event) {
        return describe(event, Labels.NONE);
    }

    /** What happened, in one line, with things and people called by the given labels. */
    public static String describe(IntegrationEvent event, Labels labels) {
        return DESCRIBED.dispatch(labels, event);
    }

    /** The reason the event gives: a vote's rationale, a withdrawal's reason, an amendment's note, a report's narrative. */
    public static String reasonOf(IntegrationEvent event) {
        return REASONS.dispatch(null, event);
    }

    /** How the narration describes each event type: every type has its line. */
    public static EventRegistry<Labels, String> descriptions() {
        return DESCRIBED;
    }

    /** Which event types give a reason, and why the others do not. */
    public static EventRegistry<Void, String> reasons() {
        return REASONS;
    }

    private static String panel(Labels labels, PanelAssembled panel) {
        long citizens = panel.members().stream().filter(member -> citizenSeat(member.role())).count();
        return "Assembled a panel of " + Labels.count(panel.members().size(), "member") + " (" + Labels.count(citizens, "citizen member")
                + "), chaired by " + labels.person(panel.chairId()) + ", deciding by " + panel.deadline()
                + (panel.amount() == null ? "" : ", " + money(panel.amount()) + " from " + labels.fund(panel.fundId()));
    }

    private static String declaration(Labels labels, InterestDeclared declared) {
        if (!declared.hasInterest()) {
            return labels.person(declared.memberId()) + " declared no interest";
        }
        return labels.person(declared.memberId()) + " declared an interest" + (declared.description() == null ? "" : ": " + declared.description())
                + (declared.recused() ? " and is recused" : "");
    }

    private static String decision(Labels labels, DecisionReached decision) {
        long voted = decision.roll().stream().filter(entry -> entry.vote() != null).count();
        String votes = voted + " of " + Labels.count(decision.roll().size(), "panel member") + " voted";
        if (decision.outcome() == DecisionOutcome.NO_QUORUM) {
            return "Closed without quorum, nothing decided: " + votes + "; the case awaits a new panel";
        }
        if (decision.outcome() == DecisionOutcome.WITHDRAWN) {
            return "Closed without a decision: the proposal was withdrawn (" + votes + ")";
        }
        return "Decision reached: " + decision.outcome() + ", " + votes + allocation(decision.allocation(), labels);
    }

    public static String money(Money money) {
        if (money == null) {
            return "no money";
        }
        return plain(money.amount()) + " " + Objects.requireNonNullElse(money.currency(), "");
    }

    private static String allocation(Allocation allocation, Labels labels) {
        return allocation == null ? "" : ", allocating " + money(allocation.amount()) + " from " + labels.fund(allocation.fundId());
    }

    private static String plain(BigDecimal number) {
        return number == null ? "?" : number.toPlainString();
    }

    /** Whether a panel seat is a citizen member's: everyone round the table who does not sit as commissioner. */
    public static boolean citizenSeat(Role role) {
        return role != null && role != Role.COMMISSIONER;
    }
}

package org.roundtable.audit.history;

import org.roundtable.events.IntegrationEvent;
import org.roundtable.events.Role;
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
import java.util.Optional;

/**
 * The auditor's words for each published event: a one-line description of what happened, the reason the actor gave
 * where the event carries one (a rationale, a reason, a note, a narrative), and the public name an event gives its
 * participant (their own name only with consent, otherwise their pseudonym).
 */
public final class Narration {

    private Narration() {
    }

    public static String describe(IntegrationEvent event) {
        return describe(event, Labels.NONE);
    }

    /** What happened, in one line, with things and people called by the given labels. */
    public static String describe(IntegrationEvent event, Labels labels) {
        if (event instanceof ProposalDrafted drafted) {
            return "Drafted the proposal '" + drafted.content().title() + "' for " + drafted.content().serviceArea()
                    + " as " + drafted.authorRole() + " (revision 1)";
        }
        if (event instanceof CoDesignerInvited invited) {
            return "Invited " + labels.person(invited.inviteeId()) + " to co-design";
        }
        if (event instanceof CoDesignerJoined joined) {
            return labels.person(joined.coDesigner().participantId()) + " joined as co-designer (" + joined.coDesigner().role() + ")"
                    + (joined.coDesigner().brings() == null ? "" : ", bringing: " + joined.coDesigner().brings());
        }
        if (event instanceof ProposalAmended amended) {
            return "Amended the proposal to revision " + amended.revision() + ": '" + amended.content().title() + "'";
        }
        if (event instanceof ProposalSubmitted submitted) {
            return "Submitted revision " + submitted.revision() + " with " + Labels.count(submitted.coDesigners().size(), "co-designer");
        }
        if (event instanceof ProposalWithdrawn) {
            return "Withdrew the proposal";
        }
        if (event instanceof ProposalUnderDecision underDecision) {
            return "The proposal went under decision";
        }
        if (event instanceof ProposalCommissioned commissioned) {
            return "The proposal was commissioned by the panel's decision"
                    + (commissioned.allocated() == null ? "" : ", allocating " + money(commissioned.allocated()));
        }
        if (event instanceof ProposalDeclined declined) {
            return "The proposal was declined by the panel's decision";
        }
        if (event instanceof ProposalFollowed) {
            return "Participation began following the proposal: workshops can be held for it";
        }
        if (event instanceof CoDesignerRecognised recognised) {
            return "Participation recognised " + labels.person(recognised.participantId()) + " as co-designer";
        }
        if (event instanceof EndorsementsOpened) {
            return "Endorsements and pledges opened";
        }
        if (event instanceof EndorsementsClosed) {
            return "Endorsements and pledges closed";
        }
        if (event instanceof EndorsementGiven given) {
            return labels.person(given.participantId()) + " endorsed the proposal";
        }
        if (event instanceof EndorsementWithdrawn withdrawn) {
            return labels.person(withdrawn.participantId()) + " withdrew their endorsement";
        }
        if (event instanceof AssetPledged pledged) {
            return labels.person(pledged.participantId()) + " pledged " + pledged.kind() + ": " + pledged.description()
                    + (pledged.hoursPerMonth() == null ? "" : " (" + pledged.hoursPerMonth() + " hours a month)");
        }
        if (event instanceof PledgeWithdrawn withdrawn) {
            return labels.person(withdrawn.participantId()) + " withdrew a pledge";
        }
        if (event instanceof WorkshopScheduled scheduled) {
            return "Scheduled the workshop '" + scheduled.title() + "' at " + scheduled.startsAt()
                    + (scheduled.online() ? " online" : scheduled.place() == null ? "" : " in " + scheduled.place());
        }
        if (event instanceof WorkshopRegistered registered) {
            return labels.person(registered.participantId()) + " registered for " + labels.workshop(registered.workshopId());
        }
        if (event instanceof WorkshopAttended attended) {
            return labels.person(attended.participantId()) + " attended " + labels.workshop(attended.workshopId());
        }
        if (event instanceof ContributionRecorded contribution) {
            return labels.person(contribution.participantId()) + " contributed at " + labels.workshop(contribution.workshopId()) + ": " + contribution.idea();
        }
        if (event instanceof ProfileRegistered registered) {
            return labels.person(registered.participantId()) + " registered a profile";
        }
        if (event instanceof ProfileCorrected corrected) {
            return labels.person(corrected.participantId()) + " corrected their profile";
        }
        if (event instanceof DecisionCaseOpened opened) {
            return "A decision case opened for '" + opened.title() + "' (" + opened.serviceArea() + ")"
                    + (opened.asked() == null ? "" : ", asking " + money(opened.asked()));
        }
        if (event instanceof PanelAssembled panel) {
            long citizens = panel.members().stream().filter(member -> citizenSeat(member.role())).count();
            return "Assembled a panel of " + Labels.count(panel.members().size(), "member") + " (" + Labels.count(citizens, "citizen member")
                    + "), chaired by " + labels.person(panel.chairId()) + ", deciding by " + panel.deadline()
                    + (panel.amount() == null ? "" : ", " + money(panel.amount()) + " from " + labels.fund(panel.fundId()));
        }
        if (event instanceof InterestDeclared declared) {
            if (!declared.hasInterest()) {
                return labels.person(declared.memberId()) + " declared no interest";
            }
            return labels.person(declared.memberId()) + " declared an interest" + (declared.description() == null ? "" : ": " + declared.description())
                    + (declared.recused() ? " and is recused" : "");
        }
        if (event instanceof VoteCast vote) {
            return labels.person(vote.memberId()) + " voted " + vote.vote();
        }
        if (event instanceof DecisionReached decision) {
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
        if (event instanceof FundCreated fund) {
            return "Created the fund '" + fund.name() + "' for " + fund.serviceArea() + ", " + money(fund.amount())
                    + " from " + fund.periodStart() + " to " + fund.periodEnd() + ", held by " + String.join(", ", fund.holderIds().stream().map(labels::person).toList());
        }
        if (event instanceof FundsAllocated allocated) {
            return "Allocated " + money(allocated.amount()) + " from " + labels.fund(allocated.fundId()) + " (" + money(allocated.remaining()) + " remain)";
        }
        if (event instanceof InitiativeStarted started) {
            return "The initiative '" + started.title() + "' started with " + Labels.count(started.indicators().size(), "draft indicator")
                    + (started.funding() == null ? "" : " and " + money(started.funding()));
        }
        if (event instanceof ProviderAssigned provider) {
            return "Assigned the provider " + (provider.providerName() == null ? provider.providerId() : provider.providerName());
        }
        if (event instanceof IndicatorDefined indicator) {
            return "Defined the indicator '" + indicator.name() + "': from " + plain(indicator.baseline()) + " to " + plain(indicator.target())
                    + " " + indicator.unit() + " (" + indicator.direction() + ")";
        }
        if (event instanceof ReviewDatesScheduled scheduled) {
            return "Scheduled reviews on " + scheduled.reviewDates();
        }
        if (event instanceof ProgressReported progress) {
            return (progress.livedExperience() ? "Reported lived experience" : "Reported progress") + " on "
                    + (progress.readings().size() == 1 ? labels.indicator(progress.readings().get(0).indicatorId())
                    : Labels.count(progress.readings().size(), "indicator")) + ", observed on " + progress.observedOn();
        }
        if (event instanceof ContributionExpected expected) {
            return "Expecting " + labels.person(expected.participantId()) + "'s pledged " + expected.kind() + ": " + expected.description();
        }
        if (event instanceof ContributionReleased) {
            return "A pledged contribution is no longer expected";
        }
        if (event instanceof AssetsMobilised mobilised) {
            return (mobilised.participantId() == null ? "Someone" : labels.person(mobilised.participantId())) + " gave " + mobilised.kind()
                    + ": " + mobilised.description() + (mobilised.hours() == null ? "" : " (" + plain(mobilised.hours()) + " hours)");
        }
        if (event instanceof InitiativeReviewed reviewed) {
            return "Reviewed the initiative: " + reviewed.status();
        }
        return event.getClass().getSimpleName();
    }

    /** The reason the event gives: a vote's rationale, a withdrawal's reason, an amendment's note, a report's narrative. */
    public static String reasonOf(IntegrationEvent event) {
        if (event instanceof VoteCast vote) {
            return vote.rationale();
        }
        if (event instanceof ProposalAmended amended) {
            return amended.note();
        }
        if (event instanceof ProposalWithdrawn withdrawn) {
            return withdrawn.reason();
        }
        if (event instanceof EndorsementGiven given) {
            return given.reason();
        }
        if (event instanceof EndorsementsClosed closed) {
            return closed.reason();
        }
        if (event instanceof InterestDeclared declared) {
            return declared.hasInterest() ? declared.description() : null;
        }
        if (event instanceof DecisionReached decision) {
            return decision.note();
        }
        if (event instanceof ProgressReported progress) {
            return progress.narrative();
        }
        if (event instanceof InitiativeReviewed reviewed) {
            return reviewed.overrideReason() == null ? reviewed.reason()
                    : reviewed.reason() + " (declared achieved although not every target was met: " + reviewed.overrideReason() + ")";
        }
        if (event instanceof CoDesignerJoined joined) {
            return joined.coDesigner().brings();
        }
        return null;
    }

    /** A participant the event names, with the public name it gives them (their own only with consent). */
    public record PublicName(String participantId, String name) {
    }

    /** The participant an event is about and the public name it gives them, when it gives one. */
    public static Optional<PublicName> publicNameIn(IntegrationEvent event) {
        PublicName named = null;
        if (event instanceof EndorsementGiven given) {
            named = new PublicName(given.participantId(), given.publicName());
        } else if (event instanceof AssetPledged pledged) {
            named = new PublicName(pledged.participantId(), pledged.publicName());
        } else if (event instanceof ContributionRecorded contribution) {
            named = new PublicName(contribution.participantId(), contribution.publicName());
        } else if (event instanceof WorkshopRegistered registered) {
            named = new PublicName(registered.participantId(), registered.publicName());
        } else if (event instanceof AssetsMobilised mobilised) {
            named = new PublicName(mobilised.participantId(), mobilised.publicName());
        } else if (event instanceof ContributionExpected expected) {
            named = new PublicName(expected.participantId(), expected.publicName());
        } else if (event instanceof ProfileRegistered registered) {
            named = new PublicName(registered.participantId(), registered.publicName());
        } else if (event instanceof ProfileCorrected corrected) {
            named = new PublicName(corrected.participantId(), corrected.publicName());
        } else if (event instanceof ProviderAssigned provider) {
            named = new PublicName(provider.providerId(), provider.providerName());
        }
        return Optional.ofNullable(named).filter(found -> found.participantId() != null && found.name() != null && !found.name().isBlank());
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

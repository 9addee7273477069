package org.roundtable.events;

import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.outcomes.ProviderAssigned;
import org.roundtable.events.outcomes.IndicatorDefined;
import org.roundtable.events.outcomes.ReviewDatesScheduled;
import org.roundtable.events.outcomes.ProgressReported;
import org.roundtable.events.outcomes.ContributionExpected;
import org.roundtable.events.outcomes.ContributionReleased;
import org.roundtable.events.outcomes.AssetsMobilised;
import org.roundtable.events.outcomes.InitiativeReviewed;
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
import org.roundtable.events.proposals.ProposalAmended;
import org.roundtable.events.proposals.ProposalCommissioned;
import org.roundtable.events.proposals.ProposalDeclined;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.proposals.ProposalUnderDecision;
import org.roundtable.events.proposals.ProposalWithdrawn;

import java.util.List;

/**
 * Every integration event of the platform. A record that is not listed here cannot be published or decoded;
 * {@code RoundtableEventsTest} fails when a record in this module is left out.
 */
public final class RoundtableEvents {

    private static final List<Class<? extends IntegrationEvent>> EVENTS = List.of(
            ProposalDrafted.class,
            CoDesignerInvited.class,
            CoDesignerJoined.class,
            ProposalAmended.class,
            ProposalSubmitted.class,
            ProposalWithdrawn.class,
            ProposalUnderDecision.class,
            ProposalCommissioned.class,
            ProposalDeclined.class,
            ProfileRegistered.class,
            ProfileCorrected.class,
            ProposalFollowed.class,
            CoDesignerRecognised.class,
            EndorsementsOpened.class,
            EndorsementsClosed.class,
            EndorsementGiven.class,
            EndorsementWithdrawn.class,
            AssetPledged.class,
            PledgeWithdrawn.class,
            WorkshopScheduled.class,
            WorkshopRegistered.class,
            WorkshopAttended.class,
            ContributionRecorded.class,
            DecisionCaseOpened.class,
            DecisionReached.class,
            FundCreated.class,
            FundsAllocated.class,
            PanelAssembled.class,
            InterestDeclared.class,
            VoteCast.class,
            InitiativeStarted.class,
            ProviderAssigned.class,
            IndicatorDefined.class,
            ReviewDatesScheduled.class,
            ProgressReported.class,
            ContributionExpected.class,
            ContributionReleased.class,
            AssetsMobilised.class,
            InitiativeReviewed.class);

    public static final EventCatalog CATALOG = EventCatalog.of(EVENTS);

    private RoundtableEvents() {
    }
}

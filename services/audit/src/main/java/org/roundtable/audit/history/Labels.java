package org.roundtable.audit.history;

import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.commissioning.DecisionCaseOpened;
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
import org.roundtable.events.proposals.ProposalAmended;
import org.roundtable.events.proposals.ProposalCommissioned;
import org.roundtable.events.proposals.ProposalDeclined;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.proposals.ProposalUnderDecision;
import org.roundtable.events.proposals.ProposalWithdrawn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the auditor's accounts call things and people instead of their ids: funds, workshops and indicators by their
 * names, people by their public names (see {@link PublicNames}). Ids stay in the entries' own fields.
 */
public final class Labels {

    /** The ledger's events that name a fund. */
    public static final List<String> FUND_EVENTS = List.of("FundCreated");

    /** The names each event type gives funds, workshops and indicators. */
    private static final EventRegistry<Labels, Void> NAMING = EventRegistry.<Labels, Void>of("the labels")
            .applies(FundCreated.class, (labels, fund) -> {
                if (fund.name() != null) {
                    labels.funds.put(fund.fundId(), fund.name());
                }
            })
            .applies(WorkshopScheduled.class, (labels, workshop) -> {
                if (workshop.title() != null) {
                    labels.workshops.put(workshop.workshopId(), workshop.title());
                }
            })
            .applies(InitiativeStarted.class, (labels, started) -> {
                if (started.indicators() != null) {
                    started.indicators().forEach(indicator -> labels.indicators.putIfAbsent(indicator.indicatorId(), indicator.name()));
                }
            })
            .applies(IndicatorDefined.class, (labels, indicator) -> {
                if (indicator.name() != null) {
                    labels.indicators.put(indicator.indicatorId(), indicator.name());
                }
            })
            .ignores("people are named by their public names, not by labels", ProfileRegistered.class, ProfileCorrected.class)
            .ignores("proposals are named by their own titles in every account", ProposalDrafted.class, CoDesignerInvited.class,
                    CoDesignerJoined.class, ProposalAmended.class, ProposalSubmitted.class, ProposalWithdrawn.class,
                    ProposalUnderDecision.class, ProposalCommissioned.class, ProposalDeclined.class)
            .ignores("these name no fund, workshop or indicator", ProposalFollowed.class, CoDesignerRecognised.class,
                    EndorsementsOpened.class, EndorsementsClosed.class, EndorsementGiven.class, EndorsementWithdrawn.class,
                    AssetPledged.class, PledgeWithdrawn.class, WorkshopRegistered.class, WorkshopAttended.class, ContributionRecorded.class,
                    DecisionCaseOpened.class, PanelAssembled.class, InterestDeclared.class, VoteCast.class, DecisionReached.class,
                    FundsAllocated.class, ProviderAssigned.class, ReviewDatesScheduled.class, ProgressReported.class,
                    ContributionExpected.class, ContributionReleased.class, AssetsMobilised.class, InitiativeReviewed.class)
            .against(RoundtableEvents.CATALOG);

    /** No names known: every thing and person by its id. */
    public static final Labels NONE = new Labels(new PublicNames());

    private final PublicNames people;
    private final Map<String, String> funds = new HashMap<>();
    private final Map<String, String> workshops = new HashMap<>();
    private final Map<String, String> indicators = new HashMap<>();

    private Labels(PublicNames people) {
        this.people = people;
    }

    /** The labels the given entries give, with people named by {@code people}. */
    public static Labels from(List<RecordedEvent> entries, PublicNames people) {
        Labels labels = new Labels(people);
        entries.stream().filter(RecordedEvent::readable).forEach(entry -> NAMING.dispatch(labels, entry.data()));
        return labels;
    }

    /** Which event types name funds, workshops and indicators, and why the others do not. */
    public static EventRegistry<Labels, Void> registry() {
        return NAMING;
    }

    public String fund(String fundId) {
        return quotedOr(funds.get(fundId), "fund " + fundId);
    }

    /** "the workshop 'Name'", or "a workshop" when the ledger names none. */
    public String workshop(String workshopId) {
        String name = workshops.get(workshopId);
        return name == null ? "a workshop" : "the workshop '" + name + "'";
    }

    /** "the indicator 'Name'", or "an indicator" when the ledger names none. */
    public String indicator(String indicatorId) {
        String name = indicators.get(indicatorId);
        return name == null ? "an indicator" : "the indicator '" + name + "'";
    }

    /**
     * A person by their public name: their profile's (their own name with consent, otherwise their pseudonym), or the
     * name they acted under in a public office; their id only where the ledger knows neither and they hold an office.
     */
    public String person(String personId) {
        if (personId == null) {
            return "someone";
        }
        String citizen = people.of(personId, "CITIZEN");
        if (citizen != null) {
            return citizen;
        }
        String office = people.of(personId, "COMMISSIONER");
        return this == NONE || !office.equals(personId) ? office : "a participant";
    }

    private static String quotedOr(String name, String fallback) {
        return name == null ? fallback : "'" + name + "'";
    }

    /** "1 citizen member", "2 citizen members". */
    public static String count(long number, String singular) {
        return number + " " + (number == 1 ? singular : singular + "s");
    }
}

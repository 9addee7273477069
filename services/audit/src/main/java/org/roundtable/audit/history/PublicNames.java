package org.roundtable.audit.history;

import org.roundtable.events.EventType;
import org.roundtable.events.Role;
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
import java.util.Optional;

/**
 * The names the auditor views give people, by one rule. Whoever acted in a public office (staff acting as staff,
 * commissioner, provider, auditor) is named by the name the identity provider gave them when they acted, which the
 * ledger keeps with the entry; the platform acting on its own is named as the service. A citizen is named as their
 * profile stands now: by their own name while they consent to it, otherwise by their stable pseudonym, so that
 * withdrawing consent changes every view from then on while the ledger, and its hashes, stay as they were. A citizen
 * without a profile has no public name at all, and is never shown by their login.
 */
public final class PublicNames {

    /** The public name each event type gives a participant, as their profile says they wish to be named. */
    private static final EventRegistry<Void, Map.Entry<String, String>> PROFILE_NAMES = EventRegistry.<Void, Map.Entry<String, String>>of("the public names")
            .reads(ProfileRegistered.class, registered -> named(registered.participantId(), registered.publicName()))
            .reads(ProfileCorrected.class, corrected -> named(corrected.participantId(), corrected.publicName()))
            .ignores("a citizen is named as their profile stands now; a name these events carry is the one of the moment they were made",
                    ProposalDrafted.class, CoDesignerInvited.class, CoDesignerJoined.class, ProposalAmended.class, ProposalSubmitted.class,
                    ProposalWithdrawn.class, ProposalUnderDecision.class, ProposalCommissioned.class, ProposalDeclined.class,
                    ProposalFollowed.class, CoDesignerRecognised.class, EndorsementsOpened.class, EndorsementsClosed.class,
                    EndorsementGiven.class, EndorsementWithdrawn.class, AssetPledged.class, PledgeWithdrawn.class,
                    WorkshopScheduled.class, WorkshopRegistered.class, WorkshopAttended.class, ContributionRecorded.class,
                    ContributionExpected.class, AssetsMobilised.class)
            .ignores("office holders are named by the name they acted under, which the ledger keeps with every entry",
                    DecisionCaseOpened.class, PanelAssembled.class, InterestDeclared.class, VoteCast.class, DecisionReached.class,
                    FundCreated.class, FundsAllocated.class, InitiativeStarted.class, ProviderAssigned.class, IndicatorDefined.class,
                    ReviewDatesScheduled.class, ProgressReported.class, ContributionReleased.class, InitiativeReviewed.class)
            .against(RoundtableEvents.CATALOG);

    /** The ledger's events that say how a participant wishes to be named. */
    public static final List<String> PROFILE_EVENTS = PROFILE_NAMES.handledTypes().stream().map(EventType::name).toList();

    private final Map<String, String> profileNames;
    private final Map<String, String> officeNames;

    public PublicNames() {
        this(new HashMap<>(), new HashMap<>());
    }

    private PublicNames(Map<String, String> profileNames, Map<String, String> officeNames) {
        this.profileNames = profileNames;
        this.officeNames = officeNames;
    }

    /** The names as kept elsewhere: citizens' public names by participant, office holders' latest names by person. */
    public static PublicNames of(Map<String, String> profileNames, Map<String, String> officeNames) {
        return new PublicNames(new HashMap<>(profileNames), new HashMap<>(officeNames));
    }

    /** The names as the given entries (in ledger order) leave them; later entries override earlier ones. */
    public static PublicNames from(List<RecordedEvent> entries) {
        PublicNames names = new PublicNames();
        entries.forEach(names::learn);
        return names;
    }

    /** Learns from one more entry, later than every one learnt before. */
    public void learn(RecordedEvent entry) {
        profileName(entry).ifPresent(named -> profileNames.put(named.getKey(), named.getValue()));
        officeName(entry).ifPresent(named -> officeNames.put(named.getKey(), named.getValue()));
    }

    /** The public name a profile entry gives a participant: participant id and name. */
    public static Optional<Map.Entry<String, String>> profileName(RecordedEvent entry) {
        return entry.readable() ? Optional.ofNullable(PROFILE_NAMES.dispatch(null, entry.data())) : Optional.empty();
    }

    /** Which event types give a participant a public name, and why the others do not. */
    public static EventRegistry<Void, Map.Entry<String, String>> registry() {
        return PROFILE_NAMES;
    }

    private static Map.Entry<String, String> named(String participantId, String publicName) {
        return participantId == null || publicName == null ? null : Map.entry(participantId, publicName);
    }

    /** The name an entry's actor acted under in a public office: person id and name. */
    public static Optional<Map.Entry<String, String>> officeName(RecordedEvent entry) {
        if (entry.actorId() != null && named(entry.actorRole()) && entry.actorName() != null && !entry.actorName().isBlank()) {
            return Optional.of(Map.entry(entry.actorId(), entry.actorName()));
        }
        return Optional.empty();
    }

    /** The name of whoever acted in this entry, as they acted then. */
    public String actorOf(RecordedEvent entry) {
        if (named(entry.actorRole())) {
            return entry.actorName() != null && !entry.actorName().isBlank() ? entry.actorName() : of(entry.actorId(), entry.actorRole());
        }
        return of(entry.actorId(), entry.actorRole());
    }

    /**
     * The public name of a person in a role: in a public office, the latest name they acted under (their id when the
     * ledger holds none); as a citizen, their profile's public name now ({@code null} without a profile).
     */
    public String of(String personId, String role) {
        if (personId == null) {
            return null;
        }
        if (named(role)) {
            return officeNames.getOrDefault(personId, personId);
        }
        return profileNames.get(personId);
    }

    private static boolean named(String role) {
        if (role == null) {
            return false;
        }
        try {
            Role parsed = Role.parse(role);
            return parsed.publicOffice() || parsed == Role.SYSTEM;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }
}

package org.roundtable.audit.replay;

import org.roundtable.audit.history.EventRegistry;
import org.roundtable.audit.history.LedgerReader;
import org.roundtable.audit.history.RecordedEvent;
import org.roundtable.audit.replay.ProposalAsOf.Ballot;
import org.roundtable.audit.replay.ProposalAsOf.Decision;
import org.roundtable.audit.replay.ProposalAsOf.Declaration;
import org.roundtable.audit.replay.ProposalAsOf.EarlierVote;
import org.roundtable.audit.replay.ProposalAsOf.Endorsement;
import org.roundtable.audit.replay.ProposalAsOf.Indicator;
import org.roundtable.audit.replay.ProposalAsOf.Panel;
import org.roundtable.audit.replay.ProposalAsOf.Reading;
import org.roundtable.audit.replay.ProposalAsOf.Review;
import org.roundtable.audit.replay.ProposalAsOf.Sitting;
import org.roundtable.audit.replay.ProposalAsOf.Withdrawal;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.PanelMember;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.outcomes.AssetsMobilised;
import org.roundtable.events.outcomes.ContributionExpected;
import org.roundtable.events.outcomes.ContributionReleased;
import org.roundtable.events.outcomes.DraftIndicator;
import org.roundtable.events.outcomes.IndicatorDefined;
import org.roundtable.events.outcomes.IndicatorReading;
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
import org.roundtable.events.proposals.CoDesigner;
import org.roundtable.events.proposals.CoDesignerInvited;
import org.roundtable.events.proposals.CoDesignerJoined;
import org.roundtable.events.proposals.Money;
import org.roundtable.events.proposals.ProposalAmended;
import org.roundtable.events.proposals.ProposalCommissioned;
import org.roundtable.events.proposals.ProposalContent;
import org.roundtable.events.proposals.ProposalDeclined;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalStatus;
import org.roundtable.events.proposals.ProposalStatusChange;
import org.roundtable.events.proposals.ProposalSubmitted;
import org.roundtable.events.proposals.ProposalUnderDecision;
import org.roundtable.events.proposals.ProposalWithdrawn;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Rebuilds a proposal as it stood at an instant by applying, in the order they happened, the ledger entries about it
 * that had happened by then. Nothing but those entries is read, so the answer is what the ledger knew at that instant.
 */
public final class ProposalReplay {

    private final String proposalId;
    private final Instant at;
    private int applied;
    private int skipped;
    private ProposalState proposal;
    private EndorsementState endorsements;
    private final Map<String, CaseState> cases = new LinkedHashMap<>();
    private CaseState latestCase;
    private final Map<String, InitiativeState> initiatives = new LinkedHashMap<>();
    private InitiativeState latestInitiative;
    /** The entry being applied. */
    private RecordedEvent entry;

    /** What the replay does with each event type: the entries about the proposal, its cases and its initiatives it applies. */
    private static final EventRegistry<ProposalReplay, Void> REPLAYED = EventRegistry.<ProposalReplay, Void>of("the proposal replay")
            .applies(ProposalDrafted.class, ProposalReplay::drafted)
            .applies(CoDesignerInvited.class, ProposalReplay::invited)
            .applies(CoDesignerJoined.class, ProposalReplay::joined)
            .applies(ProposalAmended.class, ProposalReplay::amended)
            .applies(ProposalSubmitted.class, ProposalReplay::submitted)
            .applies(ProposalWithdrawn.class, ProposalReplay::withdrawn)
            .applies(ProposalUnderDecision.class, ProposalReplay::statusChanged)
            .applies(ProposalCommissioned.class, ProposalReplay::statusChanged)
            .applies(ProposalDeclined.class, ProposalReplay::statusChanged)
            .applies(EndorsementsOpened.class, ProposalReplay::endorsementsOpened)
            .applies(EndorsementsClosed.class, ProposalReplay::endorsementsClosed)
            .applies(EndorsementGiven.class, ProposalReplay::endorsed)
            .applies(EndorsementWithdrawn.class, ProposalReplay::endorsementWithdrawn)
            .applies(DecisionCaseOpened.class, ProposalReplay::caseOpened)
            .applies(PanelAssembled.class, ProposalReplay::panelAssembled)
            .applies(InterestDeclared.class, ProposalReplay::interestDeclared)
            .applies(VoteCast.class, ProposalReplay::voteCast)
            .applies(DecisionReached.class, ProposalReplay::decisionReached)
            .applies(InitiativeStarted.class, ProposalReplay::initiativeStarted)
            .applies(ProviderAssigned.class, ProposalReplay::providerAssigned)
            .applies(IndicatorDefined.class, ProposalReplay::indicatorDefined)
            .applies(ReviewDatesScheduled.class, ProposalReplay::reviewDatesScheduled)
            .applies(ProgressReported.class, ProposalReplay::progressReported)
            .applies(AssetsMobilised.class, ProposalReplay::assetsMobilised)
            .applies(InitiativeReviewed.class, ProposalReplay::initiativeReviewed)
            .ignores("participation following a proposal and recognising its co-designers repeats what the proposal's own entries say",
                    ProposalFollowed.class, CoDesignerRecognised.class)
            .ignores("a profile belongs to a person, not to the proposal", ProfileRegistered.class, ProfileCorrected.class)
            .ignores("pledges are not part of the proposal as it stood; the initiative counts the hours actually given",
                    AssetPledged.class, PledgeWithdrawn.class, ContributionExpected.class, ContributionReleased.class)
            .ignores("workshops are participation's record, not the proposal's state", WorkshopScheduled.class, WorkshopRegistered.class,
                    WorkshopAttended.class, ContributionRecorded.class)
            .ignores("funds and their allocations belong to the fund; the decision's allocation is replayed with the decision",
                    FundCreated.class, FundsAllocated.class)
            .against(RoundtableEvents.CATALOG);

    /** What the replay does with each event type. */
    public static EventRegistry<ProposalReplay, Void> registry() {
        return REPLAYED;
    }

    private ProposalReplay(String proposalId, Instant at) {
        this.proposalId = proposalId;
        this.at = at;
    }

    /**
     * The proposal at {@code at}, replayed from the ledger's entries about it up to that instant; empty when the ledger
     * holds nothing about the proposal at all (before or after the instant).
     */
    public static Optional<ProposalAsOf> read(LedgerReader ledger, String proposalId, Instant at) {
        List<RecordedEvent> entries = ledger.aboutProposalAsOf(proposalId, at);
        if (entries.isEmpty() && ledger.aboutProposal(proposalId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(asOf(proposalId, at, entries));
    }

    /** The proposal at {@code at}; entries that happened after it are ignored even when given. */
    public static ProposalAsOf asOf(String proposalId, Instant at, List<RecordedEvent> entries) {
        ProposalReplay replay = new ProposalReplay(proposalId, at);
        entries.stream().filter(entry -> !entry.occurredAt().isAfter(at)).forEach(replay::apply);
        return replay.result();
    }

    private void apply(RecordedEvent entry) {
        if (!entry.readable()) {
            skipped++;
            return;
        }
        applied++;
        this.entry = entry;
        REPLAYED.dispatch(this, entry.data());
    }

    private void drafted(ProposalDrafted drafted) {
        if (proposalId.equals(drafted.proposalId())) {
            ProposalState state = proposal(entry);
            state.status = ProposalStatus.reachedBy(drafted);
            state.revision = 1;
            state.content = drafted.content();
            state.authorId = drafted.authorId();
            state.coDesigners.putIfAbsent(drafted.authorId(), new CoDesigner(drafted.authorId(), drafted.authorRole(), null));
        }
    }

    private void invited(CoDesignerInvited invited) {
        if (proposalId.equals(invited.proposalId())) {
            proposal(entry).invited.add(invited.inviteeId());
        }
    }

    private void joined(CoDesignerJoined joined) {
        if (proposalId.equals(joined.proposalId())) {
            ProposalState state = proposal(entry);
            state.coDesigners.put(joined.coDesigner().participantId(), joined.coDesigner());
            state.invited.remove(joined.coDesigner().participantId());
        }
    }

    private void amended(ProposalAmended amended) {
        if (proposalId.equals(amended.proposalId())) {
            ProposalState state = proposal(entry);
            state.revision = amended.revision();
            state.content = amended.content();
        }
    }

    private void submitted(ProposalSubmitted submitted) {
        if (proposalId.equals(submitted.proposalId())) {
            ProposalState state = proposal(entry);
            state.status = ProposalStatus.reachedBy(submitted);
            state.revision = submitted.revision();
            state.content = submitted.content();
            submitted.coDesigners().forEach(coDesigner -> state.coDesigners.put(coDesigner.participantId(), coDesigner));
        }
    }

    private void withdrawn(ProposalWithdrawn withdrawn) {
        if (proposalId.equals(withdrawn.proposalId())) {
            ProposalState state = proposal(entry);
            state.status = ProposalStatus.reachedBy(withdrawn);
            state.withdrawalReason = withdrawn.reason();
        }
    }

    /** Going under decision and its outcome change the proposal's status alone. */
    private void statusChanged(ProposalStatusChange change) {
        if (proposalId.equals(change.proposalId())) {
            proposal(entry).status = ProposalStatus.reachedBy(change);
        }
    }

    private void endorsementsOpened(EndorsementsOpened opened) {
        if (proposalId.equals(opened.proposalId())) {
            endorsements().open = true;
        }
    }

    private void endorsementsClosed(EndorsementsClosed closed) {
        if (proposalId.equals(closed.proposalId())) {
            endorsements().open = false;
        }
    }

    private void endorsed(EndorsementGiven given) {
        if (proposalId.equals(given.proposalId())) {
            endorsements().current.put(given.participantId(),
                    new Endorsement(given.participantId(), given.publicName(), given.reason(), entry.occurredAt()));
        }
    }

    private void endorsementWithdrawn(EndorsementWithdrawn withdrawn) {
        if (proposalId.equals(withdrawn.proposalId())) {
            EndorsementState state = endorsements();
            Endorsement endorsement = state.current.remove(withdrawn.participantId());
            state.withdrawn.add(new Withdrawal(withdrawn.participantId(), endorsement == null ? null : endorsement.reason(),
                    endorsement == null ? null : endorsement.endorsedAt(), entry.occurredAt()));
        }
    }

    private void caseOpened(DecisionCaseOpened opened) {
        if (proposalId.equals(opened.proposalId())) {
            latestCase = cases.computeIfAbsent(opened.caseId(), id -> new CaseState(opened, entry.occurredAt()));
        }
    }

    private void panelAssembled(PanelAssembled panel) {
        if (cases.containsKey(panel.caseId())) {
            cases.get(panel.caseId()).assembled(panel, entry);
        }
    }

    private void interestDeclared(InterestDeclared declared) {
        if (cases.containsKey(declared.caseId())) {
            cases.get(declared.caseId()).sitting(entry).declared(declared, entry);
        }
    }

    private void voteCast(VoteCast vote) {
        if (cases.containsKey(vote.caseId())) {
            cases.get(vote.caseId()).sitting(entry).voted(vote, entry);
        }
    }

    private void decisionReached(DecisionReached decision) {
        if (cases.containsKey(decision.caseId())) {
            cases.get(decision.caseId()).decided(decision, entry);
        }
    }

    private void initiativeStarted(InitiativeStarted started) {
        if (proposalId.equals(started.proposalId())) {
            latestInitiative = initiatives.computeIfAbsent(started.initiativeId(), id -> new InitiativeState(started, entry.occurredAt()));
        }
    }

    private void providerAssigned(ProviderAssigned provider) {
        if (initiatives.containsKey(provider.initiativeId())) {
            InitiativeState state = initiatives.get(provider.initiativeId());
            state.providerId = provider.providerId();
            state.providerName = provider.providerName();
        }
    }

    private void indicatorDefined(IndicatorDefined defined) {
        if (initiatives.containsKey(defined.initiativeId())) {
            initiatives.get(defined.initiativeId()).defined(defined);
        }
    }

    private void reviewDatesScheduled(ReviewDatesScheduled scheduled) {
        if (initiatives.containsKey(scheduled.initiativeId())) {
            initiatives.get(scheduled.initiativeId()).reviewDates = scheduled.reviewDates();
        }
    }

    private void progressReported(ProgressReported progress) {
        if (initiatives.containsKey(progress.initiativeId())) {
            initiatives.get(progress.initiativeId()).reported(progress);
        }
    }

    private void assetsMobilised(AssetsMobilised mobilised) {
        if (initiatives.containsKey(mobilised.initiativeId()) && mobilised.hours() != null) {
            InitiativeState state = initiatives.get(mobilised.initiativeId());
            state.hoursMobilised = state.hoursMobilised.add(mobilised.hours());
        }
    }

    private void initiativeReviewed(InitiativeReviewed reviewed) {
        if (initiatives.containsKey(reviewed.initiativeId())) {
            initiatives.get(reviewed.initiativeId()).reviews.add(new Review(name(reviewed.status()), reviewed.reason(),
                    reviewed.overrideReason(), entry.actorId(), entry.occurredAt()));
        }
    }

    private ProposalState proposal(RecordedEvent entry) {
        if (proposal == null) {
            proposal = new ProposalState();
        }
        proposal.lastChangedAt = entry.occurredAt();
        return proposal;
    }

    private EndorsementState endorsements() {
        if (endorsements == null) {
            endorsements = new EndorsementState();
        }
        return endorsements;
    }

    private ProposalAsOf result() {
        return new ProposalAsOf(proposalId, at, applied, skipped,
                proposal == null ? null : proposal.toView(),
                endorsements == null ? null : endorsements.toView(),
                latestCase == null ? null : latestCase.toView(),
                latestInitiative == null ? null : latestInitiative.toView());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static final class ProposalState {
        private ProposalStatus status;
        private int revision;
        private ProposalContent content;
        private String authorId;
        private final Map<String, CoDesigner> coDesigners = new LinkedHashMap<>();
        private final Set<String> invited = new LinkedHashSet<>();
        private String withdrawalReason;
        private Instant lastChangedAt;

        ProposalAsOf.Proposal toView() {
            return new ProposalAsOf.Proposal(name(status), revision, content == null ? null : content.title(),
                    content == null ? null : content.serviceArea(), content, authorId, List.copyOf(coDesigners.values()),
                    List.copyOf(invited), withdrawalReason, lastChangedAt);
        }
    }

    private static final class EndorsementState {
        private boolean open;
        private final Map<String, Endorsement> current = new LinkedHashMap<>();
        private final List<Withdrawal> withdrawn = new ArrayList<>();

        ProposalAsOf.Endorsements toView() {
            return new ProposalAsOf.Endorsements(open, current.size(), List.copyOf(current.values()), List.copyOf(withdrawn));
        }
    }

    private static final class CaseState {
        private final DecisionCaseOpened opened;
        private final Instant openedAt;
        private SittingState sitting;
        private final List<Sitting> earlier = new ArrayList<>();

        CaseState(DecisionCaseOpened opened, Instant openedAt) {
            this.opened = opened;
            this.openedAt = openedAt;
        }

        void assembled(PanelAssembled panel, RecordedEvent entry) {
            if (sitting != null) {
                earlier.add(sitting.toView());
            }
            sitting = new SittingState(new Panel(panel.members(), panel.chairId(), panel.deadline(), panel.fundId(),
                    panel.amount(), entry.actorId(), entry.occurredAt()));
        }

        /** The sitting the entry belongs to; a declaration, vote or decision before any panel starts one without a panel. */
        SittingState sitting(RecordedEvent entry) {
            if (sitting == null || sitting.decision != null && sitting.decision.outcome().equals(DecisionOutcome.NO_QUORUM.name())) {
                if (sitting != null) {
                    earlier.add(sitting.toView());
                }
                sitting = new SittingState(null);
            }
            return sitting;
        }

        void decided(DecisionReached decision, RecordedEvent entry) {
            sitting(entry).decision = new Decision(name(decision.outcome()), decision.roll(), decision.allocation(), decision.note(),
                    entry.actorId(), entry.actorRole(), entry.occurredAt());
        }

        String status() {
            if (sitting == null) {
                return "AWAITING_PANEL";
            }
            if (sitting.decision == null) {
                return "SITTING";
            }
            String outcome = sitting.decision.outcome();
            if (DecisionOutcome.NO_QUORUM.name().equals(outcome)) {
                return "AWAITING_PANEL";
            }
            boolean decided = DecisionOutcome.APPROVED.name().equals(outcome) || DecisionOutcome.REJECTED.name().equals(outcome);
            return decided ? "DECIDED" : "CLOSED";
        }

        ProposalAsOf.DecisionCase toView() {
            return new ProposalAsOf.DecisionCase(opened.caseId(), opened.title(), opened.serviceArea(), opened.asked(), openedAt,
                    status(), sitting == null ? null : sitting.toView(), List.copyOf(earlier));
        }
    }

    private static final class SittingState {
        private final Panel panel;
        private final Map<String, Declaration> declarations = new LinkedHashMap<>();
        private final Map<String, Ballot> ballots = new LinkedHashMap<>();
        private Decision decision;

        SittingState(Panel panel) {
            this.panel = panel;
        }

        void declared(InterestDeclared declared, RecordedEvent entry) {
            declarations.put(declared.memberId(), new Declaration(declared.memberId(), seatOf(declared.memberId(), entry),
                    declared.hasInterest(), declared.description(), declared.recused(), entry.occurredAt()));
        }

        void voted(VoteCast vote, RecordedEvent entry) {
            Ballot earlier = ballots.get(vote.memberId());
            List<EarlierVote> replaced = new ArrayList<>();
            if (earlier != null) {
                replaced.addAll(earlier.earlier());
                replaced.add(new EarlierVote(earlier.vote(), earlier.rationale(), earlier.castAt()));
            }
            ballots.put(vote.memberId(), new Ballot(vote.memberId(), seatOf(vote.memberId(), entry), name(vote.vote()),
                    vote.rationale(), entry.occurredAt(), List.copyOf(replaced)));
        }

        /** The role the member sits in on the panel, or else the role the entry says they acted in. */
        private String seatOf(String memberId, RecordedEvent entry) {
            if (panel != null) {
                for (PanelMember member : panel.members()) {
                    if (Objects.equals(member.memberId(), memberId) && member.role() != null) {
                        return member.role().name();
                    }
                }
            }
            return entry.actorRole();
        }

        Sitting toView() {
            return new Sitting(panel, List.copyOf(declarations.values()), List.copyOf(ballots.values()), decision);
        }
    }

    private static final class InitiativeState {
        private final InitiativeStarted started;
        private final Instant startedAt;
        private String providerId;
        private String providerName;
        private List<LocalDate> reviewDates = List.of();
        private final Map<String, Indicator> indicators = new LinkedHashMap<>();
        private final List<Review> reviews = new ArrayList<>();
        private BigDecimal hoursMobilised = BigDecimal.ZERO;

        InitiativeState(InitiativeStarted started, Instant startedAt) {
            this.started = started;
            this.startedAt = startedAt;
            for (DraftIndicator draft : started.indicators()) {
                indicators.put(draft.indicatorId(), new Indicator(draft.indicatorId(), draft.name(), null, null, null, null, null));
            }
        }

        void defined(IndicatorDefined defined) {
            Indicator known = indicators.get(defined.indicatorId());
            indicators.put(defined.indicatorId(), new Indicator(defined.indicatorId(), defined.name(), defined.unit(),
                    defined.baseline(), defined.target(), defined.direction(), known == null ? null : known.latestReading()));
        }

        /** A reading replaces the latest one unless it describes an earlier day (a late report keeps its real date). */
        void reported(ProgressReported progress) {
            for (IndicatorReading reading : progress.readings()) {
                Indicator known = indicators.getOrDefault(reading.indicatorId(),
                        new Indicator(reading.indicatorId(), null, null, null, null, null, null));
                Reading latest = known.latestReading();
                boolean newer = latest == null || latest.observedOn() == null || progress.observedOn() == null
                        || !progress.observedOn().isBefore(latest.observedOn());
                if (newer) {
                    indicators.put(reading.indicatorId(), new Indicator(known.indicatorId(), known.name(), known.unit(),
                            known.baseline(), known.target(), known.direction(),
                            new Reading(reading.value(), progress.observedOn(), progress.reportedOn(), progress.reportId(),
                                    progress.livedExperience(), progress.narrative())));
                }
            }
        }

        ProposalAsOf.Initiative toView() {
            Money funding = started.funding();
            String latestStatus = reviews.isEmpty() ? null : reviews.get(reviews.size() - 1).status();
            return new ProposalAsOf.Initiative(started.initiativeId(), started.caseId(), started.title(), started.serviceArea(),
                    funding, providerId, providerName, reviewDates, List.copyOf(indicators.values()), List.copyOf(reviews),
                    latestStatus, hoursMobilised, startedAt);
        }
    }
}

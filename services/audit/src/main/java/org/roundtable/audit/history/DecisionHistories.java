package org.roundtable.audit.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.roundtable.events.EventJson;
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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Builds a proposal's decision history from its ledger entries, in ledger order. A vote by a member
 * who already voted in the same sitting of the case (between one panel being assembled and the next) is a changed
 * vote, shown with the vote and rationale it replaces; a declaration of interest that recuses its member is a recusal.
 */
public final class DecisionHistories {

    private static final ObjectMapper PAYLOADS = EventJson.newMapper();
    /** Longer strings are text, not ids: a ledger entry's subject holds at most this many characters. */
    private static final int MAX_ID_LENGTH = 200;

    /** What each event type adds to the account beside its line: the proposal's title, its cases and initiatives, votes and recusals. */
    private static final EventRegistry<Telling, Marks> MARKED = EventRegistry.<Telling, Marks>of("the decision history")
            .applies(ProposalDrafted.class, (telling, drafted) -> telling.title = drafted.content().title())
            .applies(ProposalAmended.class, (telling, amended) -> telling.title = amended.content().title())
            .applies(ProposalSubmitted.class, (telling, submitted) -> telling.title = submitted.content().title())
            .applies(DecisionCaseOpened.class, (telling, opened) -> telling.caseIds.add(opened.caseId()))
            .applies(InitiativeStarted.class, (telling, started) -> telling.initiativeIds.add(started.initiativeId()))
            .applies(PanelAssembled.class, (telling, panel) -> telling.ballotsByCase.remove(panel.caseId()))
            .reads(InterestDeclared.class, declared -> declared.recused() || declared.hasInterest()
                    ? new Marks(true, declared.description(), null, null) : null)
            .answers(VoteCast.class, Telling::voted)
            .ignores("told by its line alone", CoDesignerInvited.class, CoDesignerJoined.class, ProposalWithdrawn.class,
                    ProposalUnderDecision.class, ProposalCommissioned.class, ProposalDeclined.class, ProposalFollowed.class,
                    CoDesignerRecognised.class, EndorsementsOpened.class, EndorsementsClosed.class, EndorsementGiven.class,
                    EndorsementWithdrawn.class, AssetPledged.class, PledgeWithdrawn.class, WorkshopScheduled.class,
                    WorkshopRegistered.class, WorkshopAttended.class, ContributionRecorded.class, ProfileRegistered.class,
                    ProfileCorrected.class, DecisionReached.class, FundCreated.class, FundsAllocated.class, ProviderAssigned.class,
                    IndicatorDefined.class, ReviewDatesScheduled.class, ProgressReported.class, ContributionExpected.class,
                    ContributionReleased.class, AssetsMobilised.class, InitiativeReviewed.class)
            .against(RoundtableEvents.CATALOG);

    private static final Marks UNMARKED = new Marks(false, null, null, null);

    private DecisionHistories() {
    }

    private record Ballot(String vote, String rationale) {
    }

    /** What a step says beside its line: a recusal and the interest declared, a vote and the one it replaces. */
    private record Marks(boolean recusal, String interest, String vote, Ballot replaced) {
    }

    /** The account as the entries so far tell it. */
    private static final class Telling {
        private String title;
        private final Set<String> caseIds = new LinkedHashSet<>();
        private final Set<String> initiativeIds = new LinkedHashSet<>();
        private final Map<String, Map<String, Ballot>> ballotsByCase = new HashMap<>();

        private Marks voted(VoteCast cast) {
            String vote = cast.vote() == null ? null : cast.vote().name();
            Ballot replaced = ballotsByCase.computeIfAbsent(cast.caseId(), id -> new HashMap<>()).put(cast.memberId(), new Ballot(vote, cast.rationale()));
            if (replaced == null && cast.previousVote() != null) {
                replaced = new Ballot(cast.previousVote().name(), null);
            }
            return new Marks(false, null, vote, replaced);
        }
    }

    /** Which event types add to the account beside their line, and why the others do not. */
    public static EventRegistry<?, ?> registry() {
        return MARKED;
    }

    /**
     * The proposal's account as the ledger tells it now, people and funds named as the whole ledger names them; empty
     * when the ledger holds nothing about the proposal. Only the profiles and funds the entries can name are read: those
     * whose subjects (the participant, the fund) are ids the entries, or those funds, carry; so that the answer does not
     * grow with the number of citizens and funds in the ledger.
     */
    public static Optional<DecisionHistory> read(LedgerReader ledger, String proposalId) {
        List<RecordedEvent> entries = ledger.aboutProposal(proposalId);
        if (entries.isEmpty()) {
            return Optional.empty();
        }
        List<RecordedEvent> funds = ledger.namedAbout(Labels.FUND_EVENTS, idsIn(entries));
        List<RecordedEvent> context = new ArrayList<>(ledger.namedAbout(PublicNames.PROFILE_EVENTS, idsIn(entries, funds)));
        context.addAll(funds);
        context.addAll(entries);
        PublicNames names = PublicNames.from(context);
        return Optional.of(of(proposalId, entries, names, Labels.from(context, names)));
    }

    /** Every id the entries may name someone or something by: their actors and every string their payloads carry. */
    @SafeVarargs
    private static Set<String> idsIn(List<RecordedEvent>... entryLists) {
        Set<String> ids = new HashSet<>();
        for (List<RecordedEvent> entries : entryLists) {
            for (RecordedEvent entry : entries) {
                if (entry.actorId() != null) {
                    ids.add(entry.actorId());
                }
                if (entry.readable()) {
                    collectStrings(PAYLOADS.valueToTree(entry.data()), ids);
                }
            }
        }
        return ids;
    }

    private static void collectStrings(JsonNode node, Set<String> ids) {
        if (node.isTextual()) {
            if (node.textValue().length() <= MAX_ID_LENGTH) {
                ids.add(node.textValue());
            }
        } else {
            node.forEach(child -> collectStrings(child, ids));
        }
    }

    /** The account, with funds, workshops and indicators named as the entries name them. */
    public static DecisionHistory of(String proposalId, List<RecordedEvent> entries, PublicNames names) {
        return of(proposalId, entries, names, Labels.from(entries, names));
    }

    /**
     * @param entries the entries about the proposal; the account follows their ledger positions
     * @param names   the public names as the whole ledger now gives them (see {@link PublicNames})
     * @param labels  the names of funds, workshops and indicators
     */
    public static DecisionHistory of(String proposalId, List<RecordedEvent> unordered, PublicNames names, Labels labels) {
        List<RecordedEvent> entries = unordered.stream().sorted(java.util.Comparator.comparingLong(RecordedEvent::position)).toList();
        List<DecisionHistory.Step> steps = new ArrayList<>();
        Telling telling = new Telling();
        int skipped = 0;
        for (RecordedEvent entry : entries) {
            if (!entry.readable()) {
                skipped++;
                continue;
            }
            Marks marks = Objects.requireNonNullElse(MARKED.dispatch(telling, entry.data()), UNMARKED);
            Ballot replaced = marks.replaced();
            steps.add(new DecisionHistory.Step(entry.position(), entry.eventId(), entry.occurredAt(), entry.source(), entry.eventName(),
                    Narration.describe(entry.data(), labels), entry.actorId(), entry.actorRole(), names.actorOf(entry),
                    Narration.reasonOf(entry.data()), marks.recusal(), marks.interest(), marks.vote(), replaced != null,
                    replaced == null ? null : replaced.vote(), replaced == null ? null : replaced.rationale()));
        }
        return new DecisionHistory(proposalId, telling.title, List.copyOf(telling.caseIds), List.copyOf(telling.initiativeIds), steps,
                DecisionAccounts.of(entries, names, labels), skipped);
    }
}

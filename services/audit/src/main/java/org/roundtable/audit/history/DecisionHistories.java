package org.roundtable.audit.history;

import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.VoteCast;
import org.roundtable.events.outcomes.InitiativeStarted;
import org.roundtable.events.proposals.ProposalAmended;
import org.roundtable.events.proposals.ProposalDrafted;
import org.roundtable.events.proposals.ProposalSubmitted;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a proposal's decision history from its ledger entries, in ledger order. A vote by a member
 * who already voted in the same sitting of the case (between one panel being assembled and the next) is a changed
 * vote, shown with the vote and rationale it replaces; a declaration of interest that recuses its member is a recusal.
 */
public final class DecisionHistories {

    private DecisionHistories() {
    }

    private record Ballot(String vote, String rationale) {
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
        Set<String> caseIds = new LinkedHashSet<>();
        Set<String> initiativeIds = new LinkedHashSet<>();
        Map<String, Map<String, Ballot>> ballotsByCase = new HashMap<>();
        String title = null;
        int skipped = 0;
        for (RecordedEvent entry : entries) {
            if (!entry.readable()) {
                skipped++;
                continue;
            }
            String vote = null;
            Ballot replaced = null;
            boolean recusal = false;
            String interest = null;
            if (entry.data() instanceof ProposalDrafted drafted) {
                title = drafted.content().title();
            } else if (entry.data() instanceof ProposalAmended amended) {
                title = amended.content().title();
            } else if (entry.data() instanceof ProposalSubmitted submitted) {
                title = submitted.content().title();
            } else if (entry.data() instanceof DecisionCaseOpened opened) {
                caseIds.add(opened.caseId());
            } else if (entry.data() instanceof InitiativeStarted started) {
                initiativeIds.add(started.initiativeId());
            } else if (entry.data() instanceof PanelAssembled panel) {
                ballotsByCase.remove(panel.caseId());
            } else if (entry.data() instanceof InterestDeclared declared) {
                recusal = declared.recused() || declared.hasInterest();
                interest = recusal ? declared.description() : null;
            } else if (entry.data() instanceof VoteCast cast) {
                vote = cast.vote() == null ? null : cast.vote().name();
                Ballot ballot = new Ballot(vote, cast.rationale());
                replaced = ballotsByCase.computeIfAbsent(cast.caseId(), id -> new HashMap<>()).put(cast.memberId(), ballot);
                if (replaced == null && cast.previousVote() != null) {
                    replaced = new Ballot(cast.previousVote().name(), null);
                }
            }
            steps.add(new DecisionHistory.Step(entry.position(), entry.eventId(), entry.occurredAt(), entry.source(), entry.eventName(),
                    Narration.describe(entry.data(), labels), entry.actorId(), entry.actorRole(), names.actorOf(entry),
                    Narration.reasonOf(entry.data()), recusal, interest, vote, replaced != null,
                    replaced == null ? null : replaced.vote(), replaced == null ? null : replaced.rationale()));
        }
        return new DecisionHistory(proposalId, title, List.copyOf(caseIds), List.copyOf(initiativeIds), steps,
                DecisionAccounts.of(entries, names, labels), skipped);
    }
}

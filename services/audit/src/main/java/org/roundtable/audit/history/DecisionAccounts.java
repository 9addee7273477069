package org.roundtable.audit.history;

import org.roundtable.audit.history.DecisionHistory.DecisionAccount;
import org.roundtable.audit.history.DecisionHistory.Seat;
import org.roundtable.events.Role;
import org.roundtable.events.RoundtableEvents;
import org.roundtable.events.commissioning.DecisionCaseOpened;
import org.roundtable.events.commissioning.DecisionOutcome;
import org.roundtable.events.commissioning.DecisionReached;
import org.roundtable.events.commissioning.FundCreated;
import org.roundtable.events.commissioning.FundsAllocated;
import org.roundtable.events.commissioning.InterestDeclared;
import org.roundtable.events.commissioning.PanelAssembled;
import org.roundtable.events.commissioning.RollEntry;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Each decision on a proposal told whole, from the ledger entries about it (in ledger order): the panel that sat when
 * it was reached, each member's declaration of interest (which belongs to the person and the proposal, so it may come
 * from an earlier sitting), the roll of votes with their rationales, and the money the decision moved.
 */
final class DecisionAccounts {

    private DecisionAccounts() {
    }

    /** What each event type adds to the decisions' accounts: the panels, the declarations, the money and the decisions. */
    private static final EventRegistry<Accounting, Void> ACCOUNTED = EventRegistry.<Accounting, Void>of("the decision accounts")
            .applies(PanelAssembled.class, (accounting, panel) -> accounting.panels.put(panel.caseId(), panel))
            .applies(InterestDeclared.class, (accounting, declared) ->
                    accounting.declarations.computeIfAbsent(declared.caseId(), id -> new HashMap<>()).put(declared.memberId(), declared))
            .applies(DecisionReached.class, Accounting::decided)
            .ignores("the money a decision moved is read before the decisions are told, since it may be recorded after them",
                    FundsAllocated.class)
            .ignores("a decision's account tells the table it was reached at, not the proposal or what followed",
                    ProposalDrafted.class, CoDesignerInvited.class, CoDesignerJoined.class, ProposalAmended.class, ProposalSubmitted.class,
                    ProposalWithdrawn.class, ProposalUnderDecision.class, ProposalCommissioned.class, ProposalDeclined.class,
                    ProposalFollowed.class, CoDesignerRecognised.class, EndorsementsOpened.class, EndorsementsClosed.class,
                    EndorsementGiven.class, EndorsementWithdrawn.class, AssetPledged.class, PledgeWithdrawn.class,
                    WorkshopScheduled.class, WorkshopRegistered.class, WorkshopAttended.class, ContributionRecorded.class,
                    ProfileRegistered.class, ProfileCorrected.class, DecisionCaseOpened.class, FundCreated.class,
                    InitiativeStarted.class, ProviderAssigned.class, IndicatorDefined.class, ReviewDatesScheduled.class,
                    ProgressReported.class, ContributionExpected.class, ContributionReleased.class, AssetsMobilised.class,
                    InitiativeReviewed.class)
            .ignores("each member's vote is told from the decision's roll, which holds the votes that counted", VoteCast.class)
            .against(RoundtableEvents.CATALOG);

    /** The accounts as the entries so far tell them. */
    private static final class Accounting {
        private final Map<String, PanelAssembled> panels = new HashMap<>();
        private final Map<String, Map<String, InterestDeclared>> declarations = new HashMap<>();
        private final Map<String, FundsAllocated> allocations = new HashMap<>();
        private final List<DecisionAccount> accounts = new ArrayList<>();
        private final PublicNames names;
        private final Labels labels;
        private RecordedEvent entry;

        private Accounting(PublicNames names, Labels labels) {
            this.names = names;
            this.labels = labels;
        }

        private void decided(DecisionReached decision) {
            accounts.add(account(entry, decision, panels.get(decision.caseId()), declarations.getOrDefault(decision.caseId(), Map.of()),
                    allocations.get(decision.caseId()), names, labels));
        }
    }

    /** Which event types add to the decisions' accounts, and why the others do not. */
    static EventRegistry<?, ?> registry() {
        return ACCOUNTED;
    }

    static List<DecisionAccount> of(List<RecordedEvent> entries, PublicNames names, Labels labels) {
        Accounting accounting = new Accounting(names, labels);
        entries.forEach(entry -> entry.dataAs(FundsAllocated.class)
                .ifPresent(allocated -> accounting.allocations.putIfAbsent(allocated.caseId(), allocated)));
        for (RecordedEvent entry : entries) {
            if (entry.readable()) {
                accounting.entry = entry;
                ACCOUNTED.dispatch(accounting, entry.data());
            }
        }
        return accounting.accounts;
    }

    private static DecisionAccount account(RecordedEvent entry, DecisionReached decision, PanelAssembled panel,
                                           Map<String, InterestDeclared> declarations, FundsAllocated allocated,
                                           PublicNames names, Labels labels) {
        Map<String, RollEntry> roll = new LinkedHashMap<>();
        decision.roll().forEach(member -> roll.put(member.memberId(), member));
        Map<String, Role> seated = new LinkedHashMap<>();
        if (panel != null) {
            panel.members().forEach(member -> seated.put(member.memberId(), member.role()));
        }
        roll.values().forEach(member -> seated.putIfAbsent(member.memberId(), member.role()));
        List<Seat> seats = new ArrayList<>();
        seated.forEach((memberId, role) -> {
            RollEntry voted = roll.get(memberId);
            InterestDeclared declared = declarations.get(memberId);
            boolean recused = voted != null ? voted.recused() : declared != null && declared.recused();
            // a declaration of no interest may carry a description too: it never reads as an interest
            String interest = declared != null ? (declared.hasInterest() ? declared.description() : null)
                    : voted != null && voted.recused() ? voted.declaredInterest() : null;
            seats.add(new Seat(memberId, names.of(memberId, role == null ? null : role.name()), role == null ? null : role.name(),
                    panel != null && memberId.equals(panel.chairId()), declared != null || interest != null, interest, recused,
                    voted == null || voted.vote() == null ? null : voted.vote().name(), voted == null ? null : voted.rationale()));
        });
        String fundId = decision.allocation() != null ? decision.allocation().fundId() : allocated != null ? allocated.fundId() : null;
        return new DecisionAccount(decision.caseId(), entry.position(), entry.occurredAt(),
                decision.outcome() == null ? null : decision.outcome().name(), names.actorOf(entry), seats, fundId,
                fundId == null ? null : labels.fund(fundId),
                allocated != null ? allocated.amount() : decision.allocation() == null ? null : decision.allocation().amount(),
                allocated == null ? null : allocated.remaining(),
                summary(entry, names.actorOf(entry), decision, seats, fundId, allocated, labels));
    }

    private static String summary(RecordedEvent entry, String closer, DecisionReached decision, List<Seat> seats, String fundId,
                                  FundsAllocated allocated, Labels labels) {
        StringBuilder text = new StringBuilder(outcome(decision.outcome())).append(" on ")
                .append(entry.occurredAt().toString(), 0, 10);
        if (closer != null) {
            text.append(", the case closed by ").append(closer);
        }
        text.append(". ");
        List<String> commissioners = seats.stream().filter(seat -> "COMMISSIONER".equals(seat.role())).map(DecisionAccounts::seated).toList();
        List<String> citizens = seats.stream().filter(seat -> !"COMMISSIONER".equals(seat.role())).map(DecisionAccounts::seated).toList();
        if (!seats.isEmpty()) {
            text.append("Round the table sat ").append(Labels.count(seats.size(), "member")).append(": ");
            List<String> groups = new ArrayList<>();
            if (!commissioners.isEmpty()) {
                groups.add(list(commissioners) + " as " + (commissioners.size() == 1 ? "commissioner" : "commissioners"));
            }
            if (!citizens.isEmpty()) {
                groups.add(list(citizens) + " as " + (citizens.size() == 1 ? "citizen member" : "citizen members"));
            }
            text.append(String.join("; ", groups)).append(". ");
        }
        List<String> interests = seats.stream().filter(seat -> seat.interest() != null || seat.recused())
                .map(seat -> nameOf(seat) + " declared an interest" + (seat.interest() == null ? "" : " (" + seat.interest() + ")")
                        + (seat.recused() ? " and was recused" : ""))
                .toList();
        List<String> none = seats.stream().filter(seat -> seat.declared() && seat.interest() == null && !seat.recused())
                .map(DecisionAccounts::nameOf).toList();
        if (!interests.isEmpty()) {
            text.append(String.join("; ", interests)).append(". ");
        }
        if (!none.isEmpty()) {
            text.append(list(none)).append(none.size() == 1 ? " declared no interest. " : " declared none. ");
        }
        List<String> votes = seats.stream().filter(seat -> seat.vote() != null)
                .map(seat -> nameOf(seat) + " voted " + seat.vote().toLowerCase(Locale.ROOT)
                        + (seat.rationale() == null ? "" : ": \u201c" + seat.rationale() + "\u201d"))
                .toList();
        if (!votes.isEmpty()) {
            text.append(String.join("; ", votes)).append(". ");
        } else if (!seats.isEmpty()) {
            text.append("No one voted. ");
        }
        if (allocated != null) {
            text.append(Narration.money(allocated.amount())).append(" was allocated from ").append(labels.fund(fundId));
            if (allocated.remaining() != null) {
                text.append(", leaving ").append(Narration.money(allocated.remaining()));
            }
            text.append('.');
        } else if (decision.allocation() != null) {
            text.append(Narration.money(decision.allocation().amount())).append(" was to be allocated from ").append(labels.fund(fundId)).append('.');
        } else {
            text.append("No money moved.");
        }
        return text.toString();
    }

    private static String outcome(DecisionOutcome outcome) {
        if (outcome == null) {
            return "Closed";
        }
        return switch (outcome) {
            case APPROVED -> "Approved";
            case REJECTED -> "Rejected";
            case NO_QUORUM -> "Closed without quorum, nothing decided,";
            case WITHDRAWN -> "Closed without a decision, the proposal withdrawn,";
        };
    }

    private static String seated(Seat seat) {
        return nameOf(seat) + (seat.chair() ? " (chair)" : "");
    }

    private static String nameOf(Seat seat) {
        return seat.name() != null ? seat.name() : "a " + (seat.role() == null ? "member" : seat.role().toLowerCase(Locale.ROOT) + " member");
    }

    private static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return items.subList(0, items.size() - 1).stream().collect(Collectors.joining(", ")) + " and " + items.get(items.size() - 1);
    }
}
